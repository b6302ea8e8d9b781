"""A large synthetic register in exchange format: 10 goals, 60 primary, 300 secondary drivers,
3,000 projects, 30,000 status updates, 6,000 measures and 300,000 observations (deterministic)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta


def large_register(goals: int = 10, primaries: int = 60, secondaries: int = 300, projects: int = 3000,
                   statuses_per_project: int = 10, measures_per_project: int = 2,
                   observations_per_measure: int = 50, seed: int = 7) -> dict:  # fmt: skip
    rng = random.Random(seed)
    ids = (str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in iter(int, 1))
    nodes, links, statuses, measures, observations = [], [], [], [], []
    goal_ids = [next(ids) for _ in range(goals)]
    for index, goal in enumerate(goal_ids):
        nodes.append({"id": goal, "kind": "goal", "title": f"Goal {index + 1}", "parent": None, "position": index})

    def level(kind: str, label: str, count: int, parents: list[str]) -> list[str]:
        created = []
        for index in range(count):
            node_id = next(ids)
            created.append(node_id)
            nodes.append({"id": node_id, "kind": kind, "title": f"{label} {index + 1}",
                          "parent": parents[index % len(parents)], "position": index // len(parents)})  # fmt: skip
        return created

    primary_ids = level("primary", "Primary driver", primaries, goal_ids)
    secondary_ids = level("secondary", "Secondary driver", secondaries, primary_ids)
    stages = ["idea", "planning", "testing", "implementing", "spreading", "sustaining", "closed"]
    first = date(2022, 1, 1)
    for index in range(projects):
        project = next(ids)
        parent = index % secondaries
        nodes.append({"id": project, "kind": "project", "title": f"Improvement project {index + 1}",
                      "parent": secondary_ids[parent], "position": index // secondaries, "lead": f"Lead {index % 97}",
                      "unit": f"Unit {index % 23}", "start": "2022-01-01", "end": "2026-12-31",
                      "stage": rng.choice(stages)})  # fmt: skip
        other = secondary_ids[(parent + 1) % secondaries]
        if index % 3 == 0:
            links.append({"id": next(ids), "source": project, "target": other, "strength": "weak"})
        for number in range(statuses_per_project):
            when = (first + timedelta(days=30 * number)).isoformat()
            statuses.append({"id": next(ids), "node": project, "date": when,
                             "author": f"Lead {index % 97}", "rag": rng.choice(["green", "amber", "red"]),
                             "progress": rng.choice([1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]),
                             "summary": "Status", "next_steps": "", "help_needed": ""})  # fmt: skip
        for number in range(measures_per_project):
            measure = next(ids)
            measures.append({"id": measure, "node": project, "name": f"Measure {index + 1}.{number + 1}",
                             "type": "process", "chart": "i", "improvement": "up"})  # fmt: skip
            for week in range(observations_per_measure):
                observations.append({"id": next(ids), "measure": measure,
                                     "date": (first + timedelta(days=7 * week)).isoformat(),
                                     "value": round(rng.gauss(50, 8), 2)})  # fmt: skip
    return {
        "format": "improvement-register",
        "version": 1,
        "title": "Benchmark register",
        "nodes": nodes,
        "links": links,
        "status_updates": statuses,
        "measures": measures,
        "observations": observations,
    }
