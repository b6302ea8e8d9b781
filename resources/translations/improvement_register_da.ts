<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Add annotation</source>
        <translation>Tilføj annotering</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>Rediger annotering</translation>
    </message>
    <message>
        <source>e.g. PDSA 2: new discharge checklist</source>
        <translation>fx PDSA 2: ny tjekliste ved udskrivelse</translation>
    </message>
    <message>
        <source>Start a new phase here (own centre line and limits)</source>
        <translation>Start en ny fase her (egen centerlinje og egne grænser)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <extracomment>X11 libraries Qt&apos;s xcb platform plugin needs beyond a bare system (library name -&gt; Debian package).</extracomment>
        <translation>Uventet fejl</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your data is safe: every change is saved in one transaction, and this one did not complete. Please report the error with the details printed on the console.</source>
        <translation>Noget gik galt: {error}

Dine data er i sikkerhed: hver ændring gemmes i én transaktion, og denne blev ikke gennemført. Rapportér venligst fejlen med detaljerne fra konsollen.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>No data yet.</source>
        <extracomment>Fewer useful points than this in the latest phase: too little data to read the chart.</extracomment>
        <translation>Ingen data endnu.</translation>
    </message>
    <message>
        <source>No chart: {error}</source>
        <translation>Intet diagram: {error}</translation>
    </message>
    <message>
        <source>{n} useful points · longest run {run} (limit {run_max}) · crossings {crossings} (minimum {crossings_min})</source>
        <translation>{n} brugbare punkter · længste serie {run} (grænse {run_max}) · krydsninger {crossings} (mindst {crossings_min})</translation>
    </message>
    <message>
        <source>median</source>
        <translation>medianen</translation>
    </message>
    <message>
        <source>centre line</source>
        <translation>centerlinjen</translation>
    </message>
    <message>
        <source>shift: longest run {run} &gt; {run_max}</source>
        <translation>skift: længste serie {run} &gt; {run_max}</translation>
    </message>
    <message>
        <source>too few crossings: {crossings} &lt; {crossings_min}</source>
        <translation>for få krydsninger: {crossings} &lt; {crossings_min}</translation>
    </message>
    <message>
        <source>{count} point(s) outside the limits</source>
        <translation>{count} punkt(er) uden for grænserne</translation>
    </message>
    <message>
        <source>Too little data to read: {n} useful points in the latest phase; {minimum} are needed.</source>
        <translation>For få data til en aflæsning: {n} brugbare punkter i den seneste fase; der skal bruges {minimum}.</translation>
    </message>
    <message>
        <source>No signal: only random variation around the {centre}.</source>
        <translation>Intet signal: kun tilfældig variation omkring {centre}.</translation>
    </message>
    <message>
        <source>Signal of improvement</source>
        <translation>Signal om forbedring</translation>
    </message>
    <message>
        <source>Signal of worsening</source>
        <translation>Signal om forværring</translation>
    </message>
    <message>
        <source>Non-random variation</source>
        <translation>Ikke-tilfældig variation</translation>
    </message>
    <message>
        <source>above</source>
        <translation>over</translation>
    </message>
    <message>
        <source>below</source>
        <translation>under</translation>
    </message>
    <message>
        <source>{count} points {side} the {centre} since {month}</source>
        <translation>{count} punkter {side} {centre} siden {month}</translation>
    </message>
    <message>
        <source>{count} point(s) outside the limits, latest {date}</source>
        <translation>{count} punkt(er) uden for grænserne, senest {date}</translation>
    </message>
    <message>
        <source>run chart</source>
        <translation>seriediagram</translation>
    </message>
    <message>
        <source>{chart} chart</source>
        <translation>{chart}-kontroldiagram</translation>
    </message>
    <message>
        <source>target</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>progress (IHI score)</source>
        <translation>fremdrift (IHI-score)</translation>
    </message>
    <message>
        <source>No status updates yet.</source>
        <translation>Ingen statusopdateringer endnu.</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Drawing…</source>
        <translation>Tegner…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Eksporter diagram…</translation>
    </message>
    <message>
        <source>Export all charts (PDF)…</source>
        <translation>Eksporter alle diagrammer (PDF)…</translation>
    </message>
    <message>
        <source>This node has no measures yet. Add one under Measures.</source>
        <translation>Dette punkt har ingen målinger endnu. Tilføj en under Målinger.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislykkedes</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add {kind} “{title}”</source>
        <translation>Tilføj {kind} “{title}”</translation>
    </message>
    <message>
        <source>Rename “{title}”</source>
        <translation>Omdøb “{title}”</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Rediger “{title}”</translation>
    </message>
    <message>
        <source>Move “{title}”</source>
        <translation>Flyt “{title}”</translation>
    </message>
    <message>
        <source>Delete {kind} “{title}”</source>
        <translation>Slet {kind} “{title}”</translation>
    </message>
    <message>
        <source>Link “{source}” to “{target}”</source>
        <translation>Kobl “{source}” til “{target}”</translation>
    </message>
    <message>
        <source>Remove link “{source}” → “{target}”</source>
        <translation>Fjern kobling “{source}” → “{target}”</translation>
    </message>
    <message>
        <source>Change link “{source}” → “{target}”</source>
        <translation>Skift kobling “{source}” → “{target}”</translation>
    </message>
    <message>
        <source>Log status of “{title}”</source>
        <translation>Registrer status for “{title}”</translation>
    </message>
    <message>
        <source>Add measure “{name}”</source>
        <translation>Tilføj måling “{name}”</translation>
    </message>
    <message>
        <source>Archive measure “{name}”</source>
        <translation>Arkiver måling “{name}”</translation>
    </message>
    <message>
        <source>Edit measure “{name}”</source>
        <translation>Rediger måling “{name}”</translation>
    </message>
    <message>
        <source>Add {count} data point(s)</source>
        <translation>Tilføj {count} datapunkt(er)</translation>
    </message>
    <message>
        <source>Delete {count} data point(s)</source>
        <translation>Slet {count} datapunkt(er)</translation>
    </message>
    <message>
        <source>Edit data point</source>
        <translation>Rediger datapunkt</translation>
    </message>
    <message>
        <source>Add annotation “{text}”</source>
        <translation>Tilføj annotering “{text}”</translation>
    </message>
    <message>
        <source>Remove annotation “{text}”</source>
        <translation>Fjern annotering “{text}”</translation>
    </message>
    <message>
        <source>Edit annotation “{text}”</source>
        <translation>Rediger annotering “{text}”</translation>
    </message>
</context>
<context>
    <name>Diagram</name>
    <message>
        <source>Goal</source>
        <extracomment>The smallest text size on paper; below it the diagram is tiled over several pages.</extracomment>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Primary drivers</source>
        <translation>Primære drivere</translation>
    </message>
    <message>
        <source>Secondary drivers</source>
        <translation>Sekundære drivere</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekter</translation>
    </message>
    <message>
        <source>driver / project</source>
        <translation>driver / projekt</translation>
    </message>
    <message>
        <source>also serves (strong)</source>
        <translation>understøtter også (stærk)</translation>
    </message>
    <message>
        <source>also serves (weak)</source>
        <translation>understøtter også (svag)</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>ingen status</translation>
    </message>
    <message>
        <source>data show improvement</source>
        <translation>data viser forbedring</translation>
    </message>
    <message>
        <source>data show worsening</source>
        <translation>data viser forværring</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>intet signal</translation>
    </message>
    <message>
        <source>too little data</source>
        <translation>for få data</translation>
    </message>
    <message>
        <source>All goals</source>
        <translation>Alle mål</translation>
    </message>
</context>
<context>
    <name>DiagramExport</name>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Side {page} af {pages}</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>række {row}, kolonne {column}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>Udskrevet {date}</translation>
    </message>
</context>
<context>
    <name>DiagramPanel</name>
    <message>
        <source>Goal:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom ud (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom ind (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Tilpas</translation>
    </message>
    <message>
        <source>Fit the diagram in the window (Ctrl+0)</source>
        <translation>Tilpas diagrammet til vinduet (Ctrl+0)</translation>
    </message>
    <message>
        <source>All goals</source>
        <translation>Alle mål</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Registers (*.sqlite *.db);;All files (*)</source>
        <translation>Registre (*.sqlite *.db);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Exchange files (*.json);;All files (*)</source>
        <translation>Udvekslingsfiler (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Genindlæs</translation>
    </message>
    <message>
        <source>The register server does not answer</source>
        <translation>Registerserveren svarer ikke</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Prøv igen</translation>
    </message>
    <message>
        <source>Open register</source>
        <translation>Åbn register</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>Nyt register</translation>
    </message>
    <message>
        <source>Import exchange file</source>
        <translation>Importer udvekslingsfil</translation>
    </message>
    <message>
        <source>Export exchange file</source>
        <translation>Eksporter udvekslingsfil</translation>
    </message>
    <message>
        <source>Register title</source>
        <translation>Registrets titel</translation>
    </message>
    <message>
        <source>Title of the register:</source>
        <translation>Registrets titel:</translation>
    </message>
    <message>
        <source>Print driver diagram</source>
        <translation>Udskriv driverdiagram</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Importer data</translation>
    </message>
    <message>
        <source>Data (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Data (*.csv *.xlsx *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Eksporter diagram</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>The register server {location} asks for your password.</source>
        <translation>Registerserveren {location} beder om din adgangskode.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system&apos;s keyring</source>
        <translation>&amp;Husk i systemets nøglering</translation>
    </message>
    <message>
        <source>This computer has no keyring the password could be kept in.</source>
        <translation>Denne computer har ingen nøglering, som adgangskoden kan gemmes i.</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>improvement</source>
        <translation>forbedring</translation>
    </message>
    <message>
        <source>worsening</source>
        <translation>forværring</translation>
    </message>
    <message>
        <source>signal (no direction set)</source>
        <translation>signal (ingen retning angivet)</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>intet signal</translation>
    </message>
    <message>
        <source>too little data</source>
        <translation>for få data</translation>
    </message>
    <message>
        <source>Evidence: {kind}</source>
        <translation>Evidens: {kind}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export diagram</source>
        <translation>Eksporter diagram</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Liggende</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Stående</translation>
    </message>
    <message>
        <source>Tile over several pages (PDF)</source>
        <translation>Fordel over flere sider (PDF)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papir:</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>&amp;Retning:</translation>
    </message>
    <message>
        <source>PNG &amp;resolution:</source>
        <translation>PNG-&amp;opløsning:</translation>
    </message>
    <message>
        <source>The diagram is fitted to one page; when its text would print smaller than 6 pt, a PDF is tiled over several pages.</source>
        <translation>Diagrammet tilpasses én side; hvis teksten så ville blive mindre end 6 pt, fordeles en PDF over flere sider.</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
    </message>
    <message>
        <source>The file name must end in .pdf, .svg or .png.</source>
        <translation>Filnavnet skal slutte på .pdf, .svg eller .png.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>Nævner</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Import data into “{name}”</source>
        <translation>Importer data til “{name}”</translation>
    </message>
    <message>
        <source>The first rows of the file:</source>
        <translation>De første rækker i filen:</translation>
    </message>
    <message>
        <source>The first row holds column names</source>
        <translation>Første række indeholder kolonnenavne</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>kolonne {number}</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>{ready} rows ready, {rejected} rejected.</source>
        <translation>{ready} rækker klar, {rejected} afvist.</translation>
    </message>
    <message>
        <source>row {row}: {why}</source>
        <translation>række {row}: {why}</translation>
    </message>
    <message>
        <source>Nothing is imported until every row is right.</source>
        <translation>Intet importeres, før alle rækker er i orden.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>goal</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>primary driver</source>
        <translation>primær driver</translation>
    </message>
    <message>
        <source>secondary driver</source>
        <translation>sekundær driver</translation>
    </message>
    <message>
        <source>project</source>
        <translation>projekt</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>primary drivers</source>
        <translation>primære drivere</translation>
    </message>
    <message>
        <source>secondary drivers</source>
        <translation>sekundære drivere</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>projekter</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nyt mål</translation>
    </message>
    <message>
        <source>New primary driver</source>
        <translation>Ny primær driver</translation>
    </message>
    <message>
        <source>New secondary driver</source>
        <translation>Ny sekundær driver</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nyt projekt</translation>
    </message>
    <message>
        <source>created</source>
        <translation>oprettet</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>ændret</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>flyttet</translation>
    </message>
    <message>
        <source>deleted (archived)</source>
        <translation>slettet (arkiveret)</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>gendannet</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>fjernet</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>destrueret</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importeret</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Cross-link</source>
        <translation>Krydskobling</translation>
    </message>
    <message>
        <source>Status update</source>
        <translation>Statusopdatering</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Måling</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotering</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>idea</source>
        <translation>idé</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>planlægning</translation>
    </message>
    <message>
        <source>testing</source>
        <translation>afprøvning</translation>
    </message>
    <message>
        <source>implementing</source>
        <translation>implementering</translation>
    </message>
    <message>
        <source>spreading</source>
        <translation>spredning</translation>
    </message>
    <message>
        <source>sustaining</source>
        <translation>fastholdelse</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>afsluttet</translation>
    </message>
    <message>
        <source>green</source>
        <translation>grøn</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>gul</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rød</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stærk</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>svag</translation>
    </message>
    <message>
        <source>Intent to participate</source>
        <translation>Hensigt om at deltage</translation>
    </message>
    <message>
        <source>Team formed</source>
        <translation>Team etableret</translation>
    </message>
    <message>
        <source>Planning begun</source>
        <translation>Planlægning påbegyndt</translation>
    </message>
    <message>
        <source>Activity but no changes</source>
        <translation>Aktivitet, men ingen ændringer</translation>
    </message>
    <message>
        <source>Changes tested but no improvement</source>
        <translation>Ændringer afprøvet, men ingen forbedring</translation>
    </message>
    <message>
        <source>Modest improvement</source>
        <translation>Beskeden forbedring</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>Forbedring</translation>
    </message>
    <message>
        <source>Significant improvement</source>
        <translation>Betydelig forbedring</translation>
    </message>
    <message>
        <source>Sustainable improvement</source>
        <translation>Vedvarende forbedring</translation>
    </message>
    <message>
        <source>Outstanding sustainable results</source>
        <translation>Enestående vedvarende resultater</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Add cross-link</source>
        <translation>Tilføj krydskobling</translation>
    </message>
    <message>
        <source>“{title}” also serves:</source>
        <translation>“{title}” understøtter også:</translation>
    </message>
    <message>
        <source>&amp;Driver:</source>
        <translation>&amp;Driver:</translation>
    </message>
    <message>
        <source>&amp;Strong (solid line)</source>
        <translation>&amp;Stærk (fuldt optrukket linje)</translation>
    </message>
    <message>
        <source>&amp;Weak (dashed line)</source>
        <translation>S&amp;vag (stiplet linje)</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Styrke:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Filter the tree (Ctrl+F)</source>
        <extracomment>The child kind &quot;Add child&quot; (Insert) adds under each kind of node; None: a goal at the top. Passwords typed this session, by register address (kept in memory only, never in the settings). Status updates typed but not saved (the register refused or did not answer), by project id.</extracomment>
        <translation>Filtrer træet (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter projects</source>
        <translation>Filtrer projekter</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle faser</translation>
    </message>
    <message>
        <source>All RAG</source>
        <translation>Alle RAG</translation>
    </message>
    <message>
        <source>All leads</source>
        <translation>Alle projektledere</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Fase:</translation>
    </message>
    <message>
        <source>RAG:</source>
        <translation>RAG:</translation>
    </message>
    <message>
        <source>Lead:</source>
        <translation>Projektleder:</translation>
    </message>
    <message>
        <source>Driver diagram</source>
        <translation>Driverdiagram</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekter</translation>
    </message>
    <message>
        <source>&amp;New register…</source>
        <translation>&amp;Nyt register…</translation>
    </message>
    <message>
        <source>&amp;Open register…</source>
        <translation>&amp;Åbn register…</translation>
    </message>
    <message>
        <source>&amp;Import exchange file…</source>
        <translation>&amp;Importer udvekslingsfil…</translation>
    </message>
    <message>
        <source>&amp;Export exchange file…</source>
        <translation>&amp;Eksporter udvekslingsfil…</translation>
    </message>
    <message>
        <source>Register &amp;title…</source>
        <translation>Registrets &amp;titel…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Genindlæs</translation>
    </message>
    <message>
        <source>Read the register again (see changes others made)</source>
        <translation>Læs registret igen (se andres ændringer)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>Add &amp;child</source>
        <translation>Tilføj &amp;underpunkt</translation>
    </message>
    <message>
        <source>Add the next level under the selected node</source>
        <translation>Tilføj næste niveau under det valgte punkt</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Tilføj &amp;mål</translation>
    </message>
    <message>
        <source>Add &amp;primary driver</source>
        <translation>Tilføj &amp;primær driver</translation>
    </message>
    <message>
        <source>Add &amp;secondary driver</source>
        <translation>Tilføj &amp;sekundær driver</translation>
    </message>
    <message>
        <source>Add p&amp;roject</source>
        <translation>Tilføj p&amp;rojekt</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Omdøb</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Slet…</translation>
    </message>
    <message>
        <source>Add cross-&amp;link…</source>
        <translation>Tilføj kryds&amp;kobling…</translation>
    </message>
    <message>
        <source>&amp;Log status…</source>
        <translation>&amp;Registrer status…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Driver diagram</source>
        <translation>&amp;Driverdiagram</translation>
    </message>
    <message>
        <source>D&amp;iagram</source>
        <translation>D&amp;iagram</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>&amp;Projekter</translation>
    </message>
    <message>
        <source>&amp;Print diagram…</source>
        <translation>&amp;Udskriv diagram…</translation>
    </message>
    <message>
        <source>Export dia&amp;gram…</source>
        <translation>Eksporter dia&amp;gram…</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>&amp;Fold alt ud</translation>
    </message>
    <message>
        <source>&amp;Collapse to drivers</source>
        <translation>Fold &amp;sammen til drivere</translation>
    </message>
    <message>
        <source>&amp;About Improvement Register</source>
        <translation>&amp;Om Improvement Register</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
    <message>
        <source>Opening the register…</source>
        <translation>Åbner registret…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importerer {file}…</translation>
    </message>
    <message>
        <source>Cannot open the register</source>
        <translation>Registret kan ikke åbnes</translation>
    </message>
    <message>
        <source>The changes to “{title}” were not saved: {problem}</source>
        <translation>Ændringerne af “{title}” blev ikke gemt: {problem}</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Det kan ikke lade sig gøre</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>Kan ikke fortryde eller gentage</translation>
    </message>
    <message>
        <source>{message}

The register is reloaded and the undo history cleared.</source>
        <translation>{message}

Registret er genindlæst, og fortrydelseshistorikken er ryddet.</translation>
    </message>
    <message>
        <source>Select a {parents} first: a {kind} goes under one.</source>
        <translation>Vælg først en {parents}: en {kind} skal ligge under en sådan.</translation>
    </message>
    <message>
        <source>Cannot add</source>
        <translation>Kan ikke tilføje</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Kan ikke gemme</translation>
    </message>
    <message>
        <source>Cannot move</source>
        <translation>Kan ikke flytte</translation>
    </message>
    <message>
        <source>{count} measure</source>
        <translation>{count} måling</translation>
    </message>
    <message>
        <source>{count} measures</source>
        <translation>{count} målinger</translation>
    </message>
    <message>
        <source>{count} observation</source>
        <translation>{count} observation</translation>
    </message>
    <message>
        <source>{count} observations</source>
        <translation>{count} observationer</translation>
    </message>
    <message>
        <source>{measures} with {observations}</source>
        <translation>{measures} med {observations}</translation>
    </message>
    <message>
        <source>{count} status update</source>
        <translation>{count} statusopdatering</translation>
    </message>
    <message>
        <source>{count} status updates</source>
        <translation>{count} statusopdateringer</translation>
    </message>
    <message>
        <source>{count} cross-link</source>
        <translation>{count} krydskobling</translation>
    </message>
    <message>
        <source>{count} cross-links</source>
        <translation>{count} krydskoblinger</translation>
    </message>
    <message>
        <source>Delete the {kind} “{title}”?</source>
        <translation>Slet {kind} “{title}”?</translation>
    </message>
    <message>
        <source>With it go: {parts}.</source>
        <translation>Med følger: {parts}.</translation>
    </message>
    <message>
        <source>It is archived, not destroyed: Undo (Ctrl+Z) brings it back.</source>
        <translation>Det arkiveres, ikke destrueres: Fortryd (Ctrl+Z) henter det tilbage.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slet</translation>
    </message>
    <message>
        <source>Cannot add a cross-link</source>
        <translation>Kan ikke tilføje en krydskobling</translation>
    </message>
    <message>
        <source>Only projects and secondary drivers can serve other drivers through cross-links.</source>
        <translation>Kun projekter og sekundære drivere kan understøtte andre drivere gennem krydskoblinger.</translation>
    </message>
    <message>
        <source>Log status</source>
        <translation>Registrer status</translation>
    </message>
    <message>
        <source>Select a project to log its status.</source>
        <translation>Vælg et projekt for at registrere dets status.</translation>
    </message>
    <message>
        <source>Cannot log the status</source>
        <translation>Status kan ikke registreres</translation>
    </message>
    <message>
        <source>The status update was not saved; Log status opens it again as you typed it.</source>
        <translation>Statusopdateringen blev ikke gemt; Registrer status åbner den igen, som du skrev den.</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>Nyt register</translation>
    </message>
    <message>
        <source>{path} exists already. Choose a new file name, or open it with File → Open.</source>
        <translation>{path} findes allerede. Vælg et nyt filnavn, eller åbn filen med Filer → Åbn.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Import goes into an empty register; {path} exists already.</source>
        <translation>Import sker til et tomt register; {path} findes allerede.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Exported the register to {path}.</source>
        <translation>Registret er eksporteret til {path}.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislykkedes</translation>
    </message>
    <message>
        <source>About Improvement Register</source>
        <translation>Om Improvement Register</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Improvement Register&lt;/h3&gt;&lt;p&gt;Driver diagrams, project status and run and control charts for health-care improvement programmes (IHI Model for Improvement).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Improvement Register&lt;/h3&gt;&lt;p&gt;Driverdiagrammer, projektstatus og serie- og kontroldiagrammer til forbedringsprogrammer i sundhedsvæsenet (IHI&apos;s forbedringsmodel).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>{count} side</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} sider</translation>
    </message>
    <message>
        <source>Wrote the diagram to {path} ({pages}).</source>
        <translation>Diagrammet er gemt i {path} ({pages}).</translation>
    </message>
    <message>
        <source>{shown} of {total} projects</source>
        <translation>{shown} af {total} projekter</translation>
    </message>
    <message>
        <source>{goals} goals · {projects} projects · {stale} stale</source>
        <translation>{goals} mål · {projects} projekter · {stale} uden opdatering</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>delt</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokalt</translation>
    </message>
    <message>
        <source>Remove cross-&amp;link</source>
        <translation>Fjern kryds&amp;kobling</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>outcome</source>
        <translation>resultat</translation>
    </message>
    <message>
        <source>process</source>
        <translation>proces</translation>
    </message>
    <message>
        <source>balancing</source>
        <translation>balancering</translation>
    </message>
    <message>
        <source>run chart (median)</source>
        <translation>seriediagram (median)</translation>
    </message>
    <message>
        <source>I chart (individual values)</source>
        <translation>I-diagram (enkeltværdier)</translation>
    </message>
    <message>
        <source>MR chart (moving ranges)</source>
        <translation>MR-diagram (glidende variationsbredder)</translation>
    </message>
    <message>
        <source>Xbar chart (subgroup means)</source>
        <translation>Xbar-diagram (gennemsnit af undergrupper)</translation>
    </message>
    <message>
        <source>S chart (subgroup spread)</source>
        <translation>S-diagram (spredning i undergrupper)</translation>
    </message>
    <message>
        <source>T chart (time between rare events)</source>
        <translation>T-diagram (tid mellem sjældne hændelser)</translation>
    </message>
    <message>
        <source>P chart (proportion)</source>
        <translation>P-diagram (andel)</translation>
    </message>
    <message>
        <source>P′ chart (Laney, large denominators)</source>
        <translation>P′-diagram (Laney, store nævnere)</translation>
    </message>
    <message>
        <source>C chart (count)</source>
        <translation>C-diagram (antal)</translation>
    </message>
    <message>
        <source>U chart (rate)</source>
        <translation>U-diagram (rate)</translation>
    </message>
    <message>
        <source>U′ chart (Laney, large denominators)</source>
        <translation>U′-diagram (Laney, store nævnere)</translation>
    </message>
    <message>
        <source>G chart (cases between rare events)</source>
        <translation>G-diagram (tilfælde mellem sjældne hændelser)</translation>
    </message>
    <message>
        <source>Edit measure</source>
        <translation>Rediger måling</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>Tilføj måling</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ikke angivet</translation>
    </message>
    <message>
        <source>up</source>
        <translation>op</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ned</translation>
    </message>
    <message>
        <source>Anhøj (run chart rules)</source>
        <translation>Anhøj (seriediagramregler)</translation>
    </message>
    <message>
        <source>Making Data Count (I charts)</source>
        <translation>Making Data Count (I-diagrammer)</translation>
    </message>
    <message>
        <source>all points</source>
        <translation>alle punkter</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>Operational &amp;definition:</source>
        <translation>Operationel &amp;definition:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhed:</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>Dia&amp;gram:</translation>
    </message>
    <message>
        <source>&amp;Improvement is:</source>
        <translation>&amp;Forbedring er:</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <source>&amp;Rules:</source>
        <translation>&amp;Regler:</translation>
    </message>
    <message>
        <source>&amp;Baseline (points):</source>
        <translation>&amp;Baseline (punkter):</translation>
    </message>
    <message>
        <source>Making Data Count rules apply to I charts only.</source>
        <translation>Making Data Count-regler gælder kun I-diagrammer.</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>&amp;Add measure…</source>
        <extracomment>A refusal the window should show (title, message); a conflict asks for a reload.</extracomment>
        <translation>&amp;Tilføj måling…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Rediger…</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>Ar&amp;kiver</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>&amp;Indsæt rækker</translation>
    </message>
    <message>
        <source>Paste rows copied from Excel or a CSV (Ctrl+V)</source>
        <translation>Indsæt rækker kopieret fra Excel eller en CSV-fil (Ctrl+V)</translation>
    </message>
    <message>
        <source>&amp;Delete rows</source>
        <translation>&amp;Slet rækker</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>Im&amp;porter fil…</translation>
    </message>
    <message>
        <source>Data (type in the last row to add a point):</source>
        <translation>Data (skriv i sidste række for at tilføje et punkt):</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotering</translation>
    </message>
    <message>
        <source>New phase</source>
        <translation>Ny fase</translation>
    </message>
    <message>
        <source>Double-click an annotation to edit it</source>
        <translation>Dobbeltklik på en annotering for at redigere den</translation>
    </message>
    <message>
        <source>Add a&amp;nnotation…</source>
        <translation>Tilføj a&amp;nnotering…</translation>
    </message>
    <message>
        <source>Remove annotation</source>
        <translation>Fjern annotering</translation>
    </message>
    <message>
        <source>Cannot add the measure</source>
        <translation>Målingen kan ikke tilføjes</translation>
    </message>
    <message>
        <source>Cannot change the measure</source>
        <translation>Målingen kan ikke ændres</translation>
    </message>
    <message>
        <source>Cannot archive the measure</source>
        <translation>Målingen kan ikke arkiveres</translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation>Intet blev indsat</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Kan ikke slette</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Filen kan ikke læses</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Intet blev importeret</translation>
    </message>
    <message>
        <source>Imported {count} rows.</source>
        <translation>{count} rækker importeret.</translation>
    </message>
    <message>
        <source>Cannot add the annotation</source>
        <translation>Annoteringen kan ikke tilføjes</translation>
    </message>
    <message>
        <source>Cannot change the annotation</source>
        <translation>Annoteringen kan ikke ændres</translation>
    </message>
    <message>
        <source>Cannot remove the annotation</source>
        <translation>Annoteringen kan ikke fjernes</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>A field whose typed text differs from what someone else saved meanwhile. The record the form was filled from, and the bars showing someone else&apos;s change per field.</extracomment>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <source>&amp;Lead:</source>
        <translation>&amp;Projektleder:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhed:</translation>
    </message>
    <message>
        <source>S&amp;tart date:</source>
        <translation>St&amp;artdato:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>S&amp;lutdato:</translation>
    </message>
    <message>
        <source>St&amp;age:</source>
        <translation>&amp;Fase:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Gem ændringerne (Ctrl+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Fo&amp;rtryd ændringer</translation>
    </message>
    <message>
        <source>Log status…</source>
        <translation>Registrer status…</translation>
    </message>
    <message>
        <source>Log a status update for this project (Ctrl+L)</source>
        <translation>Registrer en statusopdatering for projektet (Ctrl+L)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremdrift</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Forfatter</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>Help needed</source>
        <translation>Behov for hjælp</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Retning</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Styrke</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Hvornår (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ændringer</translation>
    </message>
    <message>
        <source>Add cross-link…</source>
        <translation>Tilføj krydskobling…</translation>
    </message>
    <message>
        <source>Strong/weak</source>
        <translation>Stærk/svag</translation>
    </message>
    <message>
        <source>Remove cross-link</source>
        <translation>Fjern krydskobling</translation>
    </message>
    <message>
        <source>Measures and data</source>
        <translation>Målinger og data</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statushistorik</translation>
    </message>
    <message>
        <source>Cross-links</source>
        <translation>Krydskoblinger</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Ændringslog</translation>
    </message>
    <message>
        <source>Select a goal, driver or project in the tree, or add a goal to start a driver diagram.</source>
        <translation>Vælg et mål, en driver eller et projekt i træet, eller tilføj et mål for at starte et driverdiagram.</translation>
    </message>
    <message>
        <source>Someone else saved: “{value}”</source>
        <translation>En anden har gemt: “{value}”</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behold mit</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tag deres</translation>
    </message>
    <message>
        <source>Keep what you typed; Save writes it over their change.</source>
        <translation>Behold det, du skrev; Gem skriver det oven i deres ændring.</translation>
    </message>
    <message>
        <source>Replace what you typed with what they saved.</source>
        <translation>Erstat det, du skrev, med det, de har gemt.</translation>
    </message>
    <message>
        <source>Only the steering group changes a project&apos;s lead.</source>
        <translation>Kun styregruppen ændrer et projekts leder.</translation>
    </message>
    <message>
        <source>serves →</source>
        <translation>understøtter →</translation>
    </message>
    <message>
        <source>← served by</source>
        <translation>← understøttes af</translation>
    </message>
    <message>
        <source>Write the start date like 2026-03-31.</source>
        <translation>Skriv startdatoen som 2026-03-31.</translation>
    </message>
    <message>
        <source>Write the end date like 2026-03-31.</source>
        <translation>Skriv slutdatoen som 2026-03-31.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatoen ligger før startdatoen.</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>Titlen må ikke være tom.</translation>
    </message>
</context>
<context>
    <name>ObservationsModel</name>
    <message>
        <source>Date</source>
        <extracomment>A message for the user about the last edit (&quot;&quot; when it was fine).</extracomment>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>Nævner</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Udeladt</translation>
    </message>
    <message>
        <source>Reason for exclusion</source>
        <translation>Grund til udeladelse</translation>
    </message>
    <message>
        <source>The clipboard holds no rows of data.</source>
        <translation>Udklipsholderen indeholder ingen datarækker.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Register file: no roles (one user at a time)</source>
        <translation>Registerfil: ingen roller (én bruger ad gangen)</translation>
    </message>
    <message>
        <source>Role: viewer (read only)</source>
        <translation>Rolle: læser (kun læsning)</translation>
    </message>
    <message>
        <source>Role: project lead</source>
        <translation>Rolle: projektleder</translation>
    </message>
    <message>
        <source>Role: steering group</source>
        <translation>Rolle: styregruppe</translation>
    </message>
    <message>
        <source>Role: admin</source>
        <translation>Rolle: administrator</translation>
    </message>
    <message>
        <source>No role in this register (read only)</source>
        <translation>Ingen rolle i dette register (kun læsning)</translation>
    </message>
    <message>
        <source>Your role (steering group) does not log status; project leads do.</source>
        <translation>Din rolle (styregruppe) registrerer ikke status; det gør projektlederne.</translation>
    </message>
    <message>
        <source>Your role (project lead) does not change the diagram&apos;s structure.</source>
        <translation>Din rolle (projektleder) ændrer ikke driverdiagrammets opbygning.</translation>
    </message>
    <message>
        <source>Your role (project lead) changes only the projects you lead.</source>
        <translation>Din rolle (projektleder) ændrer kun de projekter, du leder.</translation>
    </message>
    <message>
        <source>Your role lets you read this register, not change it.</source>
        <translation>Din rolle giver dig adgang til at læse dette register, ikke til at ændre det.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets sprog</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>A new language applies when the program is started again.</source>
        <translation>Et nyt sprog træder i kraft, når programmet startes igen.</translation>
    </message>
    <message>
        <source>your name, as project leads know you</source>
        <translation>dit navn, som projektlederne kender dig</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>&amp;Forfatternavn:</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <source>Project</source>
        <extracomment>The raw value of a cell, for sorting and the column filters.</extracomment>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Projektleder</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremdrift</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Seneste opdatering</translation>
    </message>
    <message>
        <source>Weeks stale</source>
        <translation>Uger uden opdatering</translation>
    </message>
</context>
<context>
    <name>Responsive</name>
    <message>
        <source>The register server {where} did not answer within {seconds} seconds. Nothing was changed; what you typed is still here. Try again when the server is back.</source>
        <extracomment>Seconds the window waits for the server before giving up on a call (the statement timeout).</extracomment>
        <translation>Registerserveren {where} svarede ikke inden for {seconds} sekunder. Intet blev ændret; det, du skrev, er her stadig. Prøv igen, når serveren er tilbage.</translation>
    </message>
</context>
<context>
    <name>StatusForm</name>
    <message>
        <source>Log status: {title}</source>
        <translation>Registrer status: {title}</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>&amp;Forfatter:</translation>
    </message>
    <message>
        <source>&amp;Green</source>
        <translation>&amp;Grøn</translation>
    </message>
    <message>
        <source>&amp;Amber</source>
        <translation>G&amp;ul</translation>
    </message>
    <message>
        <source>&amp;Red</source>
        <translation>&amp;Rød</translation>
    </message>
    <message>
        <source>RAG:</source>
        <translation>RAG:</translation>
    </message>
    <message>
        <source>— no score —</source>
        <translation>— ingen score —</translation>
    </message>
    <message>
        <source>&amp;Progress (IHI):</source>
        <translation>Fr&amp;emdrift (IHI):</translation>
    </message>
    <message>
        <source>What happened since the last update?</source>
        <translation>Hvad er der sket siden sidste opdatering?</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>Re&amp;sumé:</translation>
    </message>
    <message>
        <source>What comes next?</source>
        <translation>Hvad sker der nu?</translation>
    </message>
    <message>
        <source>&amp;Next steps:</source>
        <translation>&amp;Næste skridt:</translation>
    </message>
    <message>
        <source>What do you need from the steering group?</source>
        <translation>Hvad har du brug for fra styregruppen?</translation>
    </message>
    <message>
        <source>&amp;Help needed:</source>
        <translation>&amp;Behov for hjælp:</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Gem (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Last time: {summary}</source>
        <translation>Sidst: {summary}</translation>
    </message>
    <message>
        <source>Choose a RAG status: green, amber or red (Alt+G, Alt+A, Alt+R).</source>
        <translation>Vælg en RAG-status: grøn, gul eller rød (Alt+G, Alt+U, Alt+R).</translation>
    </message>
    <message>
        <source>Give the author&apos;s name.</source>
        <translation>Angiv forfatterens navn.</translation>
    </message>
</context>
<context>
    <name>TreeModel</name>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>{count} week</source>
        <translation>{count} uge</translation>
    </message>
    <message>
        <source>{count} weeks</source>
        <translation>{count} uger</translation>
    </message>
    <message>
        <source>Driver diagram</source>
        <extracomment>A drop asks to move a node: (node id, new parent id or &quot;&quot;, position or -1 for the end). Renaming in place asks for a new title: (node id, title).</extracomment>
        <translation>Driverdiagram</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Opdateret</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidens</translation>
    </message>
    <message>
        <source>Lead: {lead}</source>
        <translation>Projektleder: {lead}</translation>
    </message>
    <message>
        <source>Latest status {date}: {rag} {progress}</source>
        <translation>Seneste status {date}: {rag} {progress}</translation>
    </message>
    <message>
        <source>Stale: no status update for {weeks}.</source>
        <translation>Ingen statusopdatering i {weeks}.</translation>
    </message>
    <message>
        <source>cross-link ({strength})</source>
        <translation>krydskobling ({strength})</translation>
    </message>
    <message>
        <source>{kind} “{source}” also serves “{target}” ({strength} link).</source>
        <translation>{kind} “{source}” understøtter også “{target}” ({strength} kobling).</translation>
    </message>
</context>
</TS>
