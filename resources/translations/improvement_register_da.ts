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
        <translation>Start en ny periode her (egen centerlinje og egne grænser)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>Write the annotation&apos;s text.</source>
        <translation>Skriv annoteringens tekst.</translation>
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
    <name>Archive</name>
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
        <source>nothing else</source>
        <translation>intet andet</translation>
    </message>
    <message>
        <source>Archive</source>
        <extracomment>A node was restored (its id), so the window can select it.</extracomment>
        <translation>Arkiv</translation>
    </message>
    <message>
        <source>Deleted nodes are kept here with everything that was under them. Restore puts a node back where it was (Undo takes it out again); purge destroys it for good.</source>
        <translation>Slettede punkter gemmes her med alt, hvad der lå under dem. Gendan sætter et punkt tilbage, hvor det var (Fortryd tager det ud igen); slet endeligt fjerner det for altid.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Was under</source>
        <translation>Lå under</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>With it</source>
        <translation>Med det</translation>
    </message>
    <message>
        <source>The archive is empty: nothing has been deleted.</source>
        <translation>Arkivet er tomt: intet er slettet.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Gendan</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>Slet &amp;endeligt…</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(øverste niveau)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Kan ikke gendanne</translation>
    </message>
    <message>
        <source>Cannot purge</source>
        <translation>Kan ikke slette endeligt</translation>
    </message>
    <message>
        <source>Destroy the {kind} “{title}” for good, with {what}?

This cannot be undone, and it clears the undo history.</source>
        <translation>Slet {kind} “{title}” endeligt, med {what}?

Det kan ikke fortrydes, og fortrydelseshistorikken ryddes.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Slet endeligt</translation>
    </message>
    <message>
        <source>&amp;Purge</source>
        <translation>Slet &amp;endeligt</translation>
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
        <translation>Eksporter kurve…</translation>
    </message>
    <message>
        <source>Export all charts (PDF)…</source>
        <translation>Eksporter alle kurver (PDF)…</translation>
    </message>
    <message>
        <source>This node has no measures yet. Add one under Measures and data.</source>
        <translation>Dette punkt har ingen målinger endnu. Tilføj en under Målinger og data.</translation>
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
        <source>Restore {kind} “{title}”</source>
        <translation>Gendan {kind} “{title}”</translation>
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
    <name>DateEdit</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>dd-mm-åååå</translation>
    </message>
    <message>
        <source>A date like 13-04-2026, 13.04.2026, 13/4/2026, 13-4-26 or 2026-04-13</source>
        <translation>En dato som 13-04-2026, 13.04.2026, 13/4/2026, 13-4-26 eller 2026-04-13</translation>
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
    <message>
        <source>{name}: the file must end in .pdf, .svg or .png.</source>
        <translation>{name}: filen skal ende på .pdf, .svg eller .png.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name ending in .pdf, .svg or .png.</source>
        <translation>{path} er en mappe; angiv et filnavn, der ender på .pdf, .svg eller .png.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} findes ikke.</translation>
    </message>
    <message>
        <source>There is nothing to draw: the register has no goal.</source>
        <translation>Der er intet at tegne: registret har intet mål.</translation>
    </message>
    <message>
        <source>Cannot write {what}: the file cannot be created there.</source>
        <translation>Kan ikke skrive {what}: filen kan ikke oprettes der.</translation>
    </message>
    <message>
        <source>Cannot write {path}.</source>
        <translation>Kan ikke skrive {path}.</translation>
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
        <source>Register not found</source>
        <translation>Registeret blev ikke fundet</translation>
    </message>
    <message>
        <source>The register {path} is not there: it may have been moved, renamed or deleted, or its drive is not connected.

Nothing has been created. Locate the file, remove it from the list, or create a new, empty register in its place.</source>
        <translation>Registeret {path} er der ikke: det kan være flyttet, omdøbt eller slettet, eller dets drev er ikke tilsluttet.

Der er ikke oprettet noget. Find filen, fjern den fra listen, eller opret et nyt, tomt register i stedet.</translation>
    </message>
    <message>
        <source>&amp;Locate…</source>
        <translation>&amp;Find filen…</translation>
    </message>
    <message>
        <source>&amp;Remove from list</source>
        <translation>Fjern fra &amp;listen</translation>
    </message>
    <message>
        <source>Create &amp;new register</source>
        <translation>Opret &amp;nyt register</translation>
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
        <translation>Eksporter kurve</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export measures overview</source>
        <translation>Eksportér oversigt over målinger</translation>
    </message>
    <message>
        <source>Print meeting pack</source>
        <translation>Udskriv mødemateriale</translation>
    </message>
    <message>
        <source>Export meeting pack</source>
        <translation>Eksporter mødemateriale</translation>
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
    <name>Help</name>
    <message>
        <source>Improvement Register: user guide</source>
        <translation>Improvement Register: brugervejledning</translation>
    </message>
    <message>
        <source>no register is open</source>
        <translation>intet register er åbent</translation>
    </message>
    <message>
        <source>shared (PostgreSQL)</source>
        <translation>fælles (PostgreSQL)</translation>
    </message>
    <message>
        <source>local file</source>
        <translation>lokal fil</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datamappe</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Driver diagrams, project status and run and control charts for health-care improvement programmes (IHI Model for Improvement).</source>
        <translation>Driverdiagrammer, projektstatus samt seriediagrammer og kontroldiagrammer til forbedringsprogrammer i sundhedsvæsenet (IHI&apos;s forbedringsmodel).</translation>
    </message>
    <message>
        <source>Press F1 for the user guide.</source>
        <translation>Tryk F1 for brugervejledningen.</translation>
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
        <source>The first rows of the file, and every rejected row:</source>
        <translation>Filens første rækker og hver afvist række:</translation>
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
        <source>data added</source>
        <translation>data tilføjet</translation>
    </message>
    <message>
        <source>title</source>
        <extracomment>The fields the audit trail names, in words (``end_date`` → ``end date`` / ``slutdato``).</extracomment>
        <translation>titel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivelse</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>overordnet</translation>
    </message>
    <message>
        <source>position</source>
        <translation>placering</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>projektleder</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>enhed</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>startdato</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>slutdato</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>stadie</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>arkiveret</translation>
    </message>
    <message>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>styrke</translation>
    </message>
    <message>
        <source>date</source>
        <translation>dato</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>progress score</source>
        <translation>fremdriftsscore</translation>
    </message>
    <message>
        <source>author</source>
        <translation>forfatter</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumé</translation>
    </message>
    <message>
        <source>next steps</source>
        <translation>næste skridt</translation>
    </message>
    <message>
        <source>help needed</source>
        <translation>behov for hjælp</translation>
    </message>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>operational definition</source>
        <translation>operationel definition</translation>
    </message>
    <message>
        <source>chart type</source>
        <translation>kurvetype</translation>
    </message>
    <message>
        <source>direction of improvement</source>
        <translation>forbedringsretning</translation>
    </message>
    <message>
        <source>target</source>
        <translation>målværdi</translation>
    </message>
    <message>
        <source>rule set</source>
        <translation>regelsæt</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>basisperiode</translation>
    </message>
    <message>
        <source>value</source>
        <translation>værdi</translation>
    </message>
    <message>
        <source>denominator</source>
        <translation>nævner</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notat</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>udeladt</translation>
    </message>
    <message>
        <source>reason for exclusion</source>
        <translation>årsag til udeladelse</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>new period</source>
        <translation>ny periode</translation>
    </message>
    <message>
        <source>data points</source>
        <translation>datapunkter</translation>
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
        <extracomment>The child kind &quot;Add child&quot; (Insert) adds under each kind of node; None: a goal at the top. The name for the audit trail and status updates given with ``--user`` (None: Preferences or login name). Passwords typed this session, by register address (kept in memory only, never in the settings). Status updates typed but not saved (the register refused or did not answer), by project id.</extracomment>
        <translation>Filtrer træet (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter projects</source>
        <translation>Filtrer projekter</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle stadier</translation>
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
        <translation>Stadie:</translation>
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
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Beslutningslog</translation>
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
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gentag</translation>
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
        <source>&amp;Archive (deleted nodes)…</source>
        <translation>Ar&amp;kiv (slettede punkter)…</translation>
    </message>
    <message>
        <source>Restore or purge deleted nodes</source>
        <translation>Gendan eller slet slettede punkter endeligt</translation>
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
        <source>User &amp;guide</source>
        <translation>&amp;Brugervejledning</translation>
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
        <source>Delete the {kind} “{title}”?</source>
        <translation>Slet {kind} “{title}”?</translation>
    </message>
    <message>
        <source>With it go: {parts}.</source>
        <translation>Med følger: {parts}.</translation>
    </message>
    <message>
        <source>It is archived, not destroyed: Undo (Ctrl+Z) brings it back, and so does Edit → Archive, also after a restart.</source>
        <translation>Det arkiveres, ikke destrueres: Fortryd (Ctrl+Z) henter det tilbage, og det gør Rediger → Arkiv også, også efter en genstart.</translation>
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
        <source>{count} goal</source>
        <translation>{count} mål</translation>
    </message>
    <message>
        <source>{count} goals</source>
        <translation>{count} mål</translation>
    </message>
    <message>
        <source>{count} project</source>
        <translation>{count} projekt</translation>
    </message>
    <message>
        <source>{count} projects</source>
        <translation>{count} projekter</translation>
    </message>
    <message>
        <source>{count} stale</source>
        <translation>{count} uden opdatering</translation>
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
        <translation>I-kurve (enkeltværdier)</translation>
    </message>
    <message>
        <source>MR chart (moving ranges)</source>
        <translation>MR-kurve (glidende variationsbredder)</translation>
    </message>
    <message>
        <source>Xbar chart (subgroup means)</source>
        <translation>Xbar-kurve (gennemsnit af undergrupper)</translation>
    </message>
    <message>
        <source>S chart (subgroup spread)</source>
        <translation>S-kurve (spredning i undergrupper)</translation>
    </message>
    <message>
        <source>T chart (time between rare events)</source>
        <translation>T-kurve (tid mellem sjældne hændelser)</translation>
    </message>
    <message>
        <source>P chart (proportion)</source>
        <translation>P-kurve (andel)</translation>
    </message>
    <message>
        <source>P′ chart (Laney, large denominators)</source>
        <translation>P′-kurve (Laney, store nævnere)</translation>
    </message>
    <message>
        <source>C chart (count)</source>
        <translation>C-kurve (antal)</translation>
    </message>
    <message>
        <source>U chart (rate)</source>
        <translation>U-kurve (rate)</translation>
    </message>
    <message>
        <source>U′ chart (Laney, large denominators)</source>
        <translation>U′-kurve (Laney, store nævnere)</translation>
    </message>
    <message>
        <source>G chart (cases between rare events)</source>
        <translation>G-kurve (tilfælde mellem sjældne hændelser)</translation>
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
        <translation>Making Data Count (I-kurver)</translation>
    </message>
    <message>
        <source>Making Data Count, 6-point shift/trend (I charts)</source>
        <translation>Making Data Count, skift/trend på 6 punkter (I-kontroldiagrammer)</translation>
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
        <translation>&amp;Kurve:</translation>
    </message>
    <message>
        <source>&amp;Improvement is:</source>
        <translation>&amp;Forbedring er:</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>&amp;Målværdi:</translation>
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
        <translation>Making Data Count-regler gælder kun I-kurver.</translation>
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
        <translation>Ny periode</translation>
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
        <source>Imported {count} row.</source>
        <translation>{count} række importeret.</translation>
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
    <name>MeetingCommands</name>
    <message>
        <source>Add meeting “{title}”</source>
        <translation>Tilføj møde “{title}”</translation>
    </message>
    <message>
        <source>Edit meeting “{title}”</source>
        <translation>Rediger møde “{title}”</translation>
    </message>
    <message>
        <source>Delete meeting “{title}”</source>
        <translation>Slet møde “{title}”</translation>
    </message>
    <message>
        <source>Add member “{name}”</source>
        <translation>Tilføj medlem “{name}”</translation>
    </message>
    <message>
        <source>Remove member “{name}”</source>
        <translation>Fjern medlem “{name}”</translation>
    </message>
    <message>
        <source>Edit member “{name}”</source>
        <translation>Rediger medlem “{name}”</translation>
    </message>
    <message>
        <source>Close meeting “{title}”</source>
        <translation>Afslut møde “{title}”</translation>
    </message>
    <message>
        <source>Add item “{text}”</source>
        <translation>Tilføj punkt “{text}”</translation>
    </message>
    <message>
        <source>Remove item “{text}”</source>
        <translation>Fjern punkt “{text}”</translation>
    </message>
    <message>
        <source>Edit item “{text}”</source>
        <translation>Rediger punkt “{text}”</translation>
    </message>
    <message>
        <source>Answer “{text}”</source>
        <translation>Besvar “{text}”</translation>
    </message>
</context>
<context>
    <name>MeetingPack</name>
    <message>
        <source>signal of improvement</source>
        <translation>signal om forbedring</translation>
    </message>
    <message>
        <source>signal of concern</source>
        <translation>signal om forværring</translation>
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
        <source>Added: {subject} ({what})</source>
        <translation>Tilføjet: {subject} ({what})</translation>
    </message>
    <message>
        <source>Archived: {subject}</source>
        <translation>Arkiveret: {subject}</translation>
    </message>
    <message>
        <source>Restored: {subject}</source>
        <translation>Gendannet: {subject}</translation>
    </message>
    <message>
        <source>Moved: {subject}, from {before} to {after}</source>
        <translation>Flyttet: {subject}, fra {before} til {after}</translation>
    </message>
    <message>
        <source>Renamed: {before} is now {after}</source>
        <translation>Omdøbt: {before} hedder nu {after}</translation>
    </message>
    <message>
        <source>Cross-link added: {subject} also serves {after}</source>
        <translation>Krydskobling tilføjet: {subject} understøtter også {after}</translation>
    </message>
    <message>
        <source>Cross-link removed: {subject} no longer serves {before}</source>
        <translation>Krydskobling fjernet: {subject} understøtter ikke længere {before}</translation>
    </message>
    <message>
        <source>RAG: {subject}, {before} to {after}</source>
        <translation>RAG: {subject}, {before} til {after}</translation>
    </message>
    <message>
        <source>Stage: {subject}, {before} to {after}</source>
        <translation>Stadie: {subject}, {before} til {after}</translation>
    </message>
    <message>
        <source>New status update: {subject} ({after})</source>
        <translation>Ny statusopdatering: {subject} ({after})</translation>
    </message>
    <message>
        <source>New signal: {subject}, {after}</source>
        <translation>Nyt signal: {subject}, {after}</translation>
    </message>
    <message>
        <source>Answered: {subject} ({after})</source>
        <translation>Besvaret: {subject} ({after})</translation>
    </message>
    <message>
        <source>Overdue: {subject} (deadline {after})</source>
        <translation>Over frist: {subject} (frist {after})</translation>
    </message>
    <message>
        <source>Improvement register</source>
        <translation>Forbedringsregister</translation>
    </message>
    <message>
        <source>Meeting pack: {meeting}</source>
        <translation>Mødemateriale: {meeting}</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Forside</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <source>Meeting pack for the steering group</source>
        <translation>Mødemateriale til styregruppen</translation>
    </message>
    <message>
        <source>Members of the steering group</source>
        <translation>Styregruppens medlemmer</translation>
    </message>
    <message>
        <source>The meeting is closed: this pack shows the register as the meeting saw it.</source>
        <translation>Mødet er afsluttet: dette materiale viser registret, som mødet så det.</translation>
    </message>
    <message>
        <source>Changes are counted since the meeting of {date} ({title}).</source>
        <translation>Ændringer regnes fra mødet den {date} ({title}).</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Indhold</translation>
    </message>
    <message>
        <source>Requests and decisions for this meeting</source>
        <translation>Anmodninger og beslutninger til dette møde</translation>
    </message>
    <message>
        <source>Open requests for help</source>
        <translation>Åbne anmodninger om hjælp</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anmodning</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Vedrører</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Siden</translation>
    </message>
    <message>
        <source>No open requests for help.</source>
        <translation>Ingen åbne anmodninger om hjælp.</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>Opfølgningspunkter over frist</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Opfølgningspunkt</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>No overdue actions.</source>
        <translation>Ingen opfølgningspunkter over frist.</translation>
    </message>
    <message>
        <source>Other open items</source>
        <translation>Andre åbne punkter</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>No other open items.</source>
        <translation>Ingen andre åbne punkter.</translation>
    </message>
    <message>
        <source>Answered at this meeting</source>
        <translation>Besvaret på dette møde</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Undtagelser</translation>
    </message>
    <message>
        <source>Red projects</source>
        <translation>Røde projekter</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Projektleder</translation>
    </message>
    <message>
        <source>Latest update</source>
        <translation>Seneste opdatering</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>No project is red.</source>
        <translation>Intet projekt er rødt.</translation>
    </message>
    <message>
        <source>Stale projects (no status update for 4 weeks or more)</source>
        <translation>Projekter uden opdatering (ingen statusopdatering i 4 uger eller mere)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>No project is stale.</source>
        <translation>Alle projekter er opdateret inden for 4 uger.</translation>
    </message>
    <message>
        <source>Signals of concern in the measures</source>
        <translation>Signaler om forværring i målingerne</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Måling</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Aflæsning</translation>
    </message>
    <message>
        <source>No measure shows a signal of concern.</source>
        <translation>Ingen måling viser signal om forværring.</translation>
    </message>
    <message>
        <source>Changes since the last meeting</source>
        <translation>Ændringer siden sidste møde</translation>
    </message>
    <message>
        <source>There is no earlier closed meeting to compare with.</source>
        <translation>Der er intet tidligere afsluttet møde at sammenligne med.</translation>
    </message>
    <message>
        <source>Nothing has changed since the last meeting.</source>
        <translation>Intet er ændret siden sidste møde.</translation>
    </message>
    <message>
        <source>Driver diagram</source>
        <translation>Driverdiagram</translation>
    </message>
    <message>
        <source>Driver diagram: {goal}</source>
        <translation>Driverdiagram: {goal}</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekter</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stadie</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <source>{rag}, {date}</source>
        <translation>{rag}, {date}</translation>
    </message>
    <message>
        <source>progress {score}</source>
        <translation>fremdrift {score}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>no status update yet</source>
        <translation>ingen statusopdatering endnu</translation>
    </message>
    <message>
        <source>RAG and progress score over time</source>
        <translation>RAG og fremdriftsscore over tid</translation>
    </message>
    <message>
        <source>Latest status update ({date}, {author})</source>
        <translation>Seneste statusopdatering ({date}, {author})</translation>
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
        <source>Key measures</source>
        <translation>Vigtigste målinger</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Åbne punkter</translation>
    </message>
    <message>
        <source>No open items.</source>
        <translation>Ingen åbne punkter.</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Beslutningslog</translation>
    </message>
    <message>
        <source>The decision log is empty.</source>
        <translation>Beslutningsloggen er tom.</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvaret</translation>
    </message>
    <message>
        <source>Measures of each goal</source>
        <translation>Målinger for hvert mål</translation>
    </message>
    <message>
        <source>No measures.</source>
        <translation>Ingen målinger.</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>Seneste værdi</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Målværdi</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidens</translation>
    </message>
    <message>
        <source>The pack cannot be written there.</source>
        <translation>Materialet kan ikke gemmes der.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Side {page} af {pages}</translation>
    </message>
    <message>
        <source>{name}: the pack is a PDF; give a file name ending in .pdf.</source>
        <translation>{name}: materialet er en PDF; angiv et filnavn, der ender på .pdf.</translation>
    </message>
</context>
<context>
    <name>MeetingsPanel</name>
    <message>
        <source>&amp;New meeting</source>
        <translation>&amp;Nyt møde</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Slet møde</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <source>e.g. 13-04-2026</source>
        <translation>fx 13-04-2026</translation>
    </message>
    <message>
        <source>&amp;Save meeting</source>
        <translation>&amp;Gem møde</translation>
    </message>
    <message>
        <source>Close meeting…</source>
        <translation>Afslut møde…</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Case &amp;number:</source>
        <translation>Sags&amp;nummer:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Sted:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Tilstand:</translation>
    </message>
    <message>
        <source>Print pack…</source>
        <translation>Udskriv materiale…</translation>
    </message>
    <message>
        <source>Export pack…</source>
        <translation>Eksporter materiale…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name of a member</source>
        <translation>Navn på et medlem</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Tilføj medlem</translation>
    </message>
    <message>
        <source>Update member</source>
        <translation>Opdater medlem</translation>
    </message>
    <message>
        <source>Store the name and role in the selected member</source>
        <translation>Gem navn og rolle i det valgte medlem</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Fjern medlem</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Vedrører</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>What was decided, what is to be done, what help is asked for</source>
        <translation>Hvad blev besluttet, hvad skal gøres, hvilken hjælp bedes der om</translation>
    </message>
    <message>
        <source>Tick the goals, drivers and projects the item concerns (Space ticks the current one)</source>
        <translation>Sæt hak ved de mål, drivere og projekter, punktet vedrører (mellemrum sætter hak ved det aktuelle)</translation>
    </message>
    <message>
        <source>Find a node</source>
        <translation>Find et punkt i træet</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Tilføj punkt</translation>
    </message>
    <message>
        <source>Update item</source>
        <translation>Opdater punkt</translation>
    </message>
    <message>
        <source>Store the fields above in the selected item</source>
        <translation>Gem felterne ovenfor i det valgte punkt</translation>
    </message>
    <message>
        <source>The steering group&apos;s answer</source>
        <translation>Styregruppens svar</translation>
    </message>
    <message>
        <source>Decided/done</source>
        <translation>Besluttet/udført</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Drop</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Genåbn</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Fjern punkt</translation>
    </message>
    <message>
        <source>Agenda and decision log</source>
        <translation>Dagsorden og beslutningslog</translation>
    </message>
    <message>
        <source>Con&amp;cerns:</source>
        <translation>&amp;Vedrører:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Opdater</translation>
    </message>
    <message>
        <source>Highlight the changed nodes in the tree and the diagram</source>
        <translation>Fremhæv de ændrede punkter i træet og diagrammet</translation>
    </message>
    <message>
        <source>Since last meeting</source>
        <translation>Siden sidste møde</translation>
    </message>
    <message>
        <source>Close the meeting “{title}” of {date}? What the steering group saw is frozen with it, and its pack can always be made again exactly. Undo reopens it.</source>
        <translation>Afslut mødet “{title}” den {date}? Det, styregruppen så, fastfryses med mødet, og dets materiale kan altid dannes igen præcis som det var. Fortryd genåbner mødet.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>over frist</translation>
    </message>
    <message>
        <source>Steering-group meeting</source>
        <translation>Styregruppemøde</translation>
    </message>
    <message>
        <source>date</source>
        <translation>dato</translation>
    </message>
    <message>
        <source>Close meeting</source>
        <translation>Afslut møde</translation>
    </message>
    <message>
        <source>Select a member in the list first.</source>
        <translation>Vælg først et medlem i listen.</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>frist</translation>
    </message>
    <message>
        <source>Select an item in the list first.</source>
        <translation>Vælg først et punkt på listen.</translation>
    </message>
    <message>
        <source>Choose the meeting (not closed) that answers it.</source>
        <translation>Vælg det møde (ikke afsluttet), der besvarer det.</translation>
    </message>
    <message>
        <source>Meeting pack</source>
        <translation>Mødemateriale</translation>
    </message>
    <message>
        <source>Wrote the pack to {path} ({pages} pages).</source>
        <translation>Materialet er gemt i {path} ({pages} sider).</translation>
    </message>
    <message>
        <source>No meeting is closed yet: there is nothing to compare with.</source>
        <translation>Intet møde er afsluttet endnu: der er intet at sammenligne med.</translation>
    </message>
    <message>
        <source>{count} change since the meeting of {date} ({title}).</source>
        <translation>{count} ændring siden mødet den {date} ({title}).</translation>
    </message>
    <message>
        <source>{count} changes since the meeting of {date} ({title}).</source>
        <translation>{count} ændringer siden mødet den {date} ({title}).</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
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
        <translation>&amp;Stadie:</translation>
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
        <source>Measures overview</source>
        <translation>Oversigt over målinger</translation>
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
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>{count} item</source>
        <translation>{count} stk.</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} stk.</translation>
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
        <source>When</source>
        <translation>Hvornår</translation>
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
        <translation>Kurver</translation>
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
        <extracomment>A field whose typed text differs from what someone else saved meanwhile. The overview asks for a measure&apos;s chart on another node: the window selects that node. The record the form was filled from, and the bars showing someone else&apos;s change per field.</extracomment>
        <translation>Vælg et mål, en driver eller et projekt i træet, eller tilføj et mål for at starte et driverdiagram.</translation>
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
    <name>Overview</name>
    <message>
        <source>{count} points</source>
        <translation>{count} punkter</translation>
    </message>
    <message>
        <source>Export (PDF or XLSX)…</source>
        <translation>Eksportér (PDF eller XLSX)…</translation>
    </message>
    <message>
        <source>Open in a window</source>
        <translation>Åbn i eget vindue</translation>
    </message>
    <message>
        <source>The same overview in a window of its own, with room for every column; it stays on this node.</source>
        <translation>Den samme oversigt i et vindue for sig med plads til alle kolonner; den bliver ved dette punkt.</translation>
    </message>
    <message>
        <source>Click a column title to sort; double-click a measure to see its chart.</source>
        <translation>Klik på en kolonneoverskrift for at sortere; dobbeltklik på en måling for at se dens kurve.</translation>
    </message>
    <message>
        <source>Overview failed</source>
        <translation>Oversigten kunne ikke laves</translation>
    </message>
    <message>
        <source>{count} measures</source>
        <translation>{count} målinger</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislykkedes</translation>
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
        <translation>Stadie</translation>
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
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Drev</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Kig &amp;i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;typen:</translation>
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
        <source>The date is more than a year ahead; check the year.</source>
        <translation>Datoen ligger mere end et år ude i fremtiden; tjek årstallet.</translation>
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
        <extracomment>A node with an open request for help, and a node changed since the last meeting (highlighted).</extracomment>
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
        <translation>Driverdiagram</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stadie</translation>
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
        <source>Open request for help (see the Meetings tab)</source>
        <extracomment>Cross-link rows: the purple of the diagram&apos;s cross-links, dark enough to read (contrast ≥ 4.5:1 on white). A drop asks to move a node: (node id, new parent id or &quot;&quot;, position or -1 for the end). Renaming in place asks for a new title: (node id, title). Nodes with an open request for help, and nodes changed since the last meeting (highlighted). The day the staleness cells were computed for (checked once a minute; see :meth:`_check_day`). Each node&apos;s and each cross-link&apos;s row: its five cells.</extracomment>
        <translation>Åben anmodning om hjælp (se fanen Møder)</translation>
    </message>
    <message>
        <source>Changed since the last meeting</source>
        <translation>Ændret siden sidste møde</translation>
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
        <source>{kind} “{source}” also serves “{target}” ({strength} link).</source>
        <translation>{kind} “{source}” understøtter også “{target}” ({strength} kobling).</translation>
    </message>
</context>
</TS>
