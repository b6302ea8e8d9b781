"""Build resources/sample-register.json from the seed documents' content (deterministic).

Run: python scripts/make_sample_register.py. The observations are illustrative, made with a fixed
random seed; every one says so in its note.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import date
from pathlib import Path

NAMESPACE = uuid.UUID("6f1c9c3e-3f0b-4a53-9a55-1d8c1f0b2a77")
OUT = Path(__file__).resolve().parent.parent / "resources" / "sample-register.json"
ILLUSTRATIVE = "Illustrative eksempeltal (ikke rigtige tal)"


def uid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


def months(first: date, count: int) -> list[date]:
    result = []
    year, month = first.year, first.month
    for _ in range(count):
        result.append(date(year, month, 1))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return result


nodes: list[dict] = []
links: list[dict] = []
statuses: list[dict] = []
measures: list[dict] = []
observations: list[dict] = []
annotations: list[dict] = []


def node(key: str, kind: str, title: str, parent: str | None, description: str = "", **project: str | None) -> None:
    siblings = [n for n in nodes if n["parent"] == (uid(parent) if parent else None)]
    item = {
        "id": uid(key),
        "kind": kind,
        "title": title,
        "description": description,
        "parent": uid(parent) if parent else None,
        "position": len(siblings),
    }
    if kind == "project":
        item.update(
            {
                "lead": project.get("lead") or "",
                "unit": project.get("unit") or "",
                "start": project.get("start"),
                "end": project.get("end"),
                "stage": project.get("stage") or "idea",
            }
        )
    nodes.append(item)


def link(source: str, target: str, strength: str) -> None:
    links.append(
        {"id": uid(f"link:{source}:{target}"), "source": uid(source), "target": uid(target), "strength": strength}
    )


# --- Goal 1: Region Midtjylland, fewer outpatient visits (seeds 000, 001, 003) -----------------------
node(
    "g1",
    "goal",
    "Færre ambulante besøg i Region Midtjylland",
    None,
    "Region Midtjylland har årligt omkring 2 mio. ambulante besøg. Omlægning af den ambulante aktivitet "
    "skal frigøre 60 mio. kr. årligt fra 2020 på de somatiske hospitaler og give mere behandling i "
    "nærmiljøet, ud fra hvad der giver værdi for patienten.",
)
node("p1", "primary", "Forventninger til behandlingsniveau afstemmes i hvert sygdomsforløb", "g1")
node("p2", "primary", "Systematisk patientinddragelse og rådgivning af samarbejdspartnere", "g1")
node("p3", "primary", "Teknologiske løsninger til den løbende kontrol med kroniske patienter", "g1")
node("p4", "primary", "Shared care: sammenhængende forløb, hvor patienten kan blive i eget hjem", "g1")
node(
    "s1",
    "secondary",
    "Gennemgang af henvisninger, retningslinjer, opfølgninger og kontroller for værdi og evidens",
    "p1",
)
node("s2", "secondary", "Sundhedsfaglige kompetencer bruges på rette specialiseringsniveau", "p1")
node("s3", "secondary", "Aktiv brug af patientens stemme", "p2")
node(
    "s4", "secondary", "Patienter hjælpes til at håndtere usikkerhed uden at opsøge sundhedsvæsenet akut ambulant", "p2"
)
node("s5", "secondary", "Alternativer til fremmøde (fx telemedicinske løsninger)", "p3")
node("s6", "secondary", "Samarbejde med kommuner og almen praksis", "p4")
node("s7", "secondary", "Behandling i nærmiljøet", "p4")

node(
    "ambuflex",
    "project",
    "AmbuFlex: PRO-baseret opfølgning i stedet for faste kontroller",
    "s3",
    "Patienten besvarer et spørgeskema hjemmefra, og klinikeren vurderer ud fra svarene, om der er behov for "
    "kontakt. Systematisk patientinddragelse med potentiale for udbredelse.",
    lead="Anne Kjær",
    unit="Regionshospitalet Silkeborg",
    start="2024-01-01",
    end="2027-12-31",
    stage="spreading",
)
node(
    "telemed",
    "project",
    "Telemedicinske kontroller af kroniske patienter",
    "s5",
    "Kontroller af stabile kroniske patienter via video og hjemmemålinger.",
    lead="Mads Holm",
    unit="Aarhus Universitetshospital",
    start="2024-03-01",
    end="2026-12-31",
    stage="implementing",
)
node(
    "reuma",
    "project",
    "Behandlingsplaner for reumatologiske patienter til brug i almen praksis",
    "s6",
    "Faste behandlingsplaner, så stabile patienter kan følges af egen læge.",
    lead="Lise Bach",
    unit="Hospitalsenheden Vest, Reumatologi",
    start="2024-09-01",
    end="2026-08-31",
    stage="testing",
)
node(
    "aeldre",
    "project",
    "Mini-projekt om den ældre medicinske patient",
    "s7",
    "Færre ambulante besøg og genindlæggelser for ældre medicinske patienter gennem koordineret opfølgning.",
    lead="Peter Dahl",
    unit="Regionshospitalet Randers",
    start="2025-02-01",
    end="2026-06-30",
    stage="testing",
)
node(
    "lemvig",
    "project",
    "Regionsklinik i Lemvig",
    "s7",
    "Forsøg med en regionsklinik, der giver behandling tæt på borgeren i et område med lægemangel.",
    lead="Hanne Møller",
    unit="Hospitalsenheden Vest",
    start="2024-06-01",
    end="2027-05-31",
    stage="implementing",
)
node(
    "tablet",
    "project",
    "Pårørende deltager i samtaler via tablet",
    "s5",
    "Pårørende kan deltage i samtaler mellem patient og hospital uden at møde fysisk op.",
    lead="Søren Lund",
    unit="Regionshospitalet Viborg",
    start="2025-04-01",
    end="2026-12-31",
    stage="planning",
)
node(
    "ideer",
    "project",
    "Forandringsidéer fra specialeråd og klinikere",
    "s1",
    "Gennemgang af den ambulante aktivitet i alle lægefaglige specialer med data om volumen, varians og evidens.",
    lead="Henriette Sørensen",
    unit="Koncern HR / Stab",
    start="2024-01-01",
    end="2026-12-31",
    stage="spreading",
)
node(
    "medicin",
    "project",
    "Fælles beslutningstagen på medicinområdet",
    "p2",
    "Værdi gennem til- og fravalg, der bygger på aktiv patientinvolvering.",
    lead="Jonas Friis",
    unit="Regional Lægemiddelenhed",
    start="2025-01-01",
    end="2026-12-31",
    stage="idea",
)

link("ambuflex", "s5", "strong")
link("ambuflex", "s1", "weak")
link("telemed", "s1", "weak")
link("reuma", "s2", "strong")
link("aeldre", "s4", "weak")
link("lemvig", "s6", "strong")
link("tablet", "s3", "weak")
link("s4", "p4", "weak")

# --- Goal 2: Region Hovedstaden, cross-sector coherence (seed 004) ---------------------------------
node(
    "g2",
    "goal",
    "Sammenhæng for patienten på tværs af sektorer (Region Hovedstaden)",
    None,
    "Patienterne oplever en bedre behandling på tværs af sektorer, og ressourcerne bruges mest hensigtsmæssigt "
    "i det nære sundhedsvæsen. Samlet løbetid 2018-2021.",
)
node("h_p1", "primary", "Behandling tæt på borgeren", "g2")
node("h_p2", "primary", "En samarbejdskultur, der skaber sammenhængskraft", "g2")
node("h_s1", "secondary", "Opgaver og patientgrupper, der kan behandles uden for hospitalernes matrikler", "h_p1")
node("h_s2", "secondary", "Udbredelse af etablerede behandlinger tæt på borgeren til hele regionen", "h_p1")
node("h_s3", "secondary", "Nye organisations- og styringsformer mellem sektorerne", "h_p1")
node("h_s4", "secondary", "Det nære sundhedsvæsen udvikles sammen med brugere og samarbejdspartnere", "h_p2")
node(
    "h_proj1",
    "project",
    "Projekt 1: Behandling tæt på borgeren",
    "h_s1",
    "Undersøge og afprøve hvilke opgaver eller patientgrupper, hvis behandling og kontrol kan varetages uden for "
    "hospitalerne; udbrede etablerede behandlinger; udvikle nye organisations- og styringsformer.",
    lead="Camilla Berg",
    unit="Center for Sundhed",
    start="2018-01-01",
    end="2020-12-31",
    stage="sustaining",
)
node(
    "h_proj2",
    "project",
    "Projekt 2: Samarbejdskultur der skaber sammenhængskraft",
    "h_s4",
    "Understøtte at Region Hovedstaden udvikler det nære sundhedsvæsen sammen med brugerne og "
    "samarbejdspartnere omkring sundhedsaftalen.",
    lead="Rasmus Vind",
    unit="Center for Sundhed",
    start="2018-01-01",
    end="2019-12-31",
    stage="closed",
)
link("h_proj1", "h_s2", "strong")
link("h_proj1", "h_s3", "weak")
link("h_proj2", "h_s3", "weak")

# --- Status updates -------------------------------------------------------------------------------
STATUS_PLAN = {
    # project: (author, [(date, rag, progress, summary, next steps, help needed)])
    "ambuflex": (
        "Anne Kjær",
        [
            ("2026-06-15", "green", 3.5, "PRO-opfølgning kører i tre specialer.", "Udbrede til lungemedicin.", ""),
            (
                "2026-08-17",
                "green",
                4.0,
                "Halvdelen af kontrollerne afklares nu uden fremmøde.",
                "Udbrede til to hospitaler mere.",
                "",
            ),
            ("2026-10-19", "green", 4.0, "Stabile resultater over tre måneder.", "Plan for drift og forankring.", ""),
        ],
    ),
    "telemed": (
        "Mads Holm",
        [
            (
                "2026-06-10",
                "amber",
                2.5,
                "Videoløsningen er ustabil på nogle afdelinger.",
                "Ny leverandøraftale.",
                "Beslutning om fælles videoplatform.",
            ),
            (
                "2026-09-09",
                "amber",
                3.0,
                "Færre fysiske kontroller i endokrinologi.",
                "Udvide til KOL.",
                "Beslutning om fælles videoplatform.",
            ),
            ("2026-11-04", "green", 3.5, "Platform valgt; fald i fysiske kontroller fastholdt.", "Udbredelse.", ""),
        ],
    ),
    "reuma": (
        "Lise Bach",
        [
            (
                "2026-05-20",
                "amber",
                2.0,
                "Skabelon for behandlingsplan udarbejdet.",
                "Test med fem praksis.",
                "Kontakt til PLO.",
            ),
            (
                "2026-07-08",
                "red",
                2.0,
                "Praksis har ikke kapacitet i sommerperioden.",
                "Genoptag i september.",
                "Hjælp til aftale med PLO om honorering.",
            ),
        ],
    ),
    "aeldre": (
        "Peter Dahl",
        [
            ("2026-07-01", "amber", 2.5, "Opfølgende hjemmebesøg testet i to kommuner.", "Måle genindlæggelser.", ""),
            ("2026-10-28", "green", 3.0, "Beskeden forbedring i genindlæggelser.", "PDSA-cyklus 3.", ""),
        ],
    ),
    "lemvig": (
        "Hanne Møller",
        [
            ("2026-06-02", "green", 3.0, "Klinikken åbnet med to dage om ugen.", "Udvide åbningstid.", ""),
            ("2026-09-01", "green", 3.5, "Flere borgere behandles lokalt.", "Evaluering med kommunen.", ""),
            (
                "2026-11-10",
                "amber",
                3.5,
                "Rekruttering af læge forsinket.",
                "Ny opslagsrunde.",
                "Støtte til rekruttering.",
            ),
        ],
    ),
    "tablet": (
        "Søren Lund",
        [
            (
                "2026-09-15",
                "amber",
                1.5,
                "Tablets indkøbt; juridisk afklaring i gang.",
                "Pilot på én afdeling.",
                "Afklaring af samtykke.",
            ),
        ],
    ),
    "ideer": (
        "Henriette Sørensen",
        [
            ("2026-05-04", "green", 3.0, "Alle specialeråd har leveret forandringsidéer.", "Prioritering.", ""),
            ("2026-08-03", "green", 3.5, "Prioriterede idéer i gang på hospitalerne.", "Opfølgning på data.", ""),
        ],
    ),
    "medicin": (
        "Jonas Friis",
        [
            ("2026-04-14", "amber", 1.0, "Team nedsat.", "Planlægning af første PDSA.", ""),
        ],
    ),
    "h_proj1": (
        "Camilla Berg",
        [
            ("2026-03-02", "green", 4.5, "Behandling tæt på borgeren i drift i tre kommuner.", "Fastholde.", ""),
            ("2026-09-07", "green", 4.5, "Resultater fastholdt.", "Årlig opfølgning.", ""),
        ],
    ),
    "h_proj2": (
        "Rasmus Vind",
        [
            ("2026-01-12", "green", 5.0, "Projektet afsluttet; samarbejdsformer forankret i sundhedsaftalen.", "", ""),
        ],
    ),
}
for key, (author, updates) in STATUS_PLAN.items():
    for when, rag, progress, summary, next_steps, help_needed in updates:
        statuses.append(
            {
                "id": uid(f"status:{key}:{when}"),
                "node": uid(key),
                "date": when,
                "author": author,
                "rag": rag,
                "progress": progress,
                "summary": summary,
                "next_steps": next_steps,
                "help_needed": help_needed,
            }
        )

# --- Measures and illustrative observations ------------------------------------------------------------
rng = random.Random(20190321)
PERIODS = months(date(2024, 1, 1), 34)  # January 2024 to October 2026


def measure(
    key: str,
    owner: str,
    name: str,
    mtype: str,
    chart: str,
    improvement: str,
    definition: str,
    unit: str,
    target: float | None = None,
    rules: str = "anhoej",
) -> str:
    measures.append(
        {
            "id": uid(f"measure:{key}"),
            "node": uid(owner),
            "name": name,
            "type": mtype,
            "definition": definition,
            "unit": unit,
            "chart": chart,
            "improvement": improvement,
            "target": target,
            "rules": rules,
            "baseline": None,
        }
    )
    return uid(f"measure:{key}")


def series(measure_id: str, values: list[float], denominators: list[float] | None = None, digits: int = 4) -> None:
    for index, (period, value) in enumerate(zip(PERIODS, values, strict=False)):
        observations.append(
            {
                "id": uid(f"obs:{measure_id}:{period}"),
                "measure": measure_id,
                "date": period.isoformat(),
                "value": round(value, digits),
                "denominator": None if denominators is None else denominators[index],
                "note": ILLUSTRATIVE,
            }
        )


def annotate(measure_id: str, when: str, text: str, phase_break: bool) -> None:
    annotations.append(
        {
            "id": uid(f"ann:{measure_id}:{when}"),
            "measure": measure_id,
            "date": when,
            "text": text,
            "phase_break": phase_break,
        }
    )


def shifted(before: float, after: float, change_at: int, noise: float) -> list[float]:
    return [(before if i < change_at else after) + rng.gauss(0, noise) for i in range(len(PERIODS))]


# The four proximity-financing criteria (nærhedsfinansiering), on the goal.
m = measure(
    "forloeb",
    "g1",
    "Sygehusforløb pr. borger",
    "outcome",
    "i",
    "down",
    "Antal somatiske sygehusforløb i måneden divideret med antal borgere i regionen (pr. 1.000 borgere).",
    "forløb pr. 1.000 borgere",
    80.0,
)
series(m, shifted(86.0, 81.0, 18, 1.6), digits=1)
annotate(m, "2025-07-01", "Omlægning af kontroller i alle specialer", True)
m = measure(
    "drg",
    "g1",
    "DRG-værdi pr. kroniker med KOL og/eller diabetes",
    "outcome",
    "run",
    "down",
    "Samlet DRG-værdi af hospitalskontakter for borgere med KOL og/eller diabetes, divideret med antallet "
    "af disse borgere.",
    "kr. pr. kroniker",
)
series(m, shifted(2150.0, 2040.0, 20, 45.0), digits=0)
denominators = [float(rng.randint(5200, 5900)) for _ in PERIODS]
readmit_rate = [0.082 if i < 22 else 0.074 for i in range(len(PERIODS))]
m = measure(
    "genindl",
    "g1",
    "Andel indlæggelser med akut genindlæggelse inden 30 dage",
    "outcome",
    "p",
    "down",
    "Antal indlæggelser, der følges af en akut genindlæggelse inden 30 dage, divideret med alle "
    "indlæggelser i måneden.",
    "andel",
    0.07,
)
series(
    m,
    [round(d * (p + rng.gauss(0, 0.004))) for d, p in zip(denominators, readmit_rate, strict=True)],
    denominators,
    digits=0,
)
virtual_den = [float(rng.randint(150000, 175000)) for _ in PERIODS]
virtual_rate = [0.06 + 0.004 * max(0, i - 8) for i in range(len(PERIODS))]
m = measure(
    "virtuel",
    "g1",
    "Andel virtuelle forløb",
    "outcome",
    "p",
    "up",
    "Ambulante forløb med mindst én virtuel kontakt (video, telefon, PRO) divideret med alle ambulante "
    "forløb i måneden.",
    "andel",
    0.15,
)
series(
    m,
    [round(d * (p + rng.gauss(0, 0.003))) for d, p in zip(virtual_den, virtual_rate, strict=True)],
    virtual_den,
    digits=0,
)
m = measure(
    "besoeg",
    "g1",
    "Ambulante besøg pr. måned",
    "outcome",
    "i",
    "down",
    "Antal fysiske ambulante besøg på regionens somatiske hospitaler i måneden.",
    "besøg",
    155000.0,
    rules="mdc",
)
series(m, shifted(166000.0, 158000.0, 19, 2500.0), digits=0)

# Project measures.
amb_den = [float(rng.randint(380, 460)) for _ in PERIODS]
amb_rate = [0.30 if i < 10 else 0.42 if i < 22 else 0.52 for i in range(len(PERIODS))]
m = measure(
    "ambuflex_pro",
    "ambuflex",
    "Andel kontroller afklaret via PRO uden fremmøde",
    "process",
    "p",
    "up",
    "Antal planlagte kontroller, der afsluttes på baggrund af PRO-svar uden fremmøde, divideret med alle "
    "planlagte kontroller.",
    "andel",
    0.5,
)
series(m, [round(d * (p + rng.gauss(0, 0.02))) for d, p in zip(amb_den, amb_rate, strict=True)], amb_den, digits=0)
annotate(m, "2024-11-01", "PDSA 1: PRO i lungemedicin", True)
annotate(m, "2025-11-01", "PDSA 2: automatisk visitering", True)
m = measure(
    "telemed_fysisk",
    "telemed",
    "Fysiske kontrolbesøg pr. måned",
    "outcome",
    "c",
    "down",
    "Antal fysiske kontrolbesøg for stabile kroniske patienter i pilotafdelingerne.",
    "besøg",
)
series(m, [float(max(0, round(rng.gauss(60 if i < 16 else 44, 6)))) for i in range(len(PERIODS))], digits=0)
annotate(m, "2025-05-01", "Videokontroller i endokrinologi", False)
m = measure(
    "telemed_akut",
    "telemed",
    "Akutte henvendelser fra telemedicinske patienter",
    "balancing",
    "c",
    "down",
    "Antal akutte henvendelser fra patienter i telemedicinsk kontrol.",
    "henvendelser",
)
series(m, [float(max(0, round(rng.gauss(12, 3.2)))) for _ in PERIODS], digits=0)
m = measure(
    "lemvig_besoeg",
    "lemvig",
    "Borgere behandlet i regionsklinikken",
    "process",
    "run",
    "up",
    "Antal borgere, der har haft mindst én kontakt med regionsklinikken i måneden.",
    "borgere",
)
series(m, [max(0.0, 20 + 4.5 * i + rng.gauss(0, 8)) for i in range(len(PERIODS))], digits=0)
aeldre_den = [float(rng.randint(180, 240)) for _ in PERIODS]
m = measure(
    "aeldre_genindl",
    "aeldre",
    "Genindlæggelser inden 30 dage, ældre medicinske patienter",
    "outcome",
    "p",
    "down",
    "Andel udskrivelser af patienter over 75 år, der følges af en akut genindlæggelse inden 30 dage.",
    "andel",
    0.12,
)
series(
    m,
    [round(d * ((0.17 if i < 24 else 0.13) + rng.gauss(0, 0.015))) for i, d in enumerate(aeldre_den)],
    aeldre_den,
    digits=0,
)
annotate(m, "2026-01-01", "Opfølgende hjemmebesøg", True)

document = {
    "format": "improvement-register",
    "version": 1,
    "title": "Transformationsdagsorden: færre ambulante besøg og sammenhæng på tværs",
    "nodes": nodes,
    "links": links,
    "status_updates": statuses,
    "measures": measures,
    "observations": observations,
    "annotations": annotations,
}
OUT.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {OUT} ({len(nodes)} nodes, {len(measures)} measures, {len(observations)} observations)")
