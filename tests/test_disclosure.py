"""domain.disclosure: after generalising, no combination of quasi-identifiers is held by
fewer than K rows (whenever there are K rows at all); values are shielded, never changed."""

import random

from domain.disclosure import QUASI_IDENTIFIERS, SHIELDED, K, disclosure, generalise, quarter


def invented(count: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [
        {
            "leeftijdsgroep": rng.choice(["0-8", "9-12", "13-16", "13-16", "17+"]),
            "geslacht": rng.choice(["jongen", "meisje", "onbekend"]),
            "gemeente": rng.choice(["Enschede", "Hengelo", "Almelo", "Losser", ""]),
            "aangemeld_maand": f"2026-{rng.randint(1, 12):02d}",
            "besluit": "consultatie",
        }
        for _ in range(count)
    ]


def test_no_group_under_k_after_and_nothing_else_changes():
    for count in (5, 6, 7, 12, 40, 190, 600):
        for seed in range(6):
            rows = invented(count, seed)
            before = disclosure(rows)
            safe, steps = generalise(rows)
            after = disclosure(safe)
            assert after.rows == count and after.unique == 0 and after.below_k == 0, (count, seed)
            assert after.smallest >= K
            assert before.below_k == 0 or steps
            for old, new in zip(rows, safe, strict=True):
                assert new["besluit"] == old["besluit"]
                for name in QUASI_IDENTIFIERS:
                    assert new[name] in (old[name], SHIELDED, quarter(old[name])), name


def test_rows_already_safe_stay_as_they_are():
    rows = [{"leeftijdsgroep": "13-16", "geslacht": "jongen", "gemeente": "Enschede",
             "aangemeld_maand": "2026-03"}] * K  # fmt: skip
    assert generalise(rows) == (rows, [])
    assert disclosure(rows).unique == 0 and disclosure(rows[:1]).unique == 1


def test_fewer_than_k_rows_cannot_be_helped_and_say_so():
    safe, _ = generalise(invented(3, 1))
    assert disclosure(safe).below_k == 3


def test_quarter():
    assert [quarter(m) for m in ("2026-01", "2026-03", "2026-04", "2026-12")] == [
        "2026-K1", "2026-K1", "2026-K2", "2026-K4"
    ]  # fmt: skip
    assert quarter("") == "" and quarter("2026-K2") == "2026-K2"
