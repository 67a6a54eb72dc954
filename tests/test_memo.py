"""What the program keeps between runs in the cache folder (automation/memo.py): the grammar's answers and the charts'
pictures are read back by the next run without opening the dictionary or Pillow; a damaged or unwritable cache
changes nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from automation import memo

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str, cache: Path) -> str:
    """`code` in a new Python (nothing of this process's memory), with `cache` as the cache folder."""
    import os

    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            encoding="utf-8", env={**os.environ, memo.ENV: str(cache), "PYTHONPATH": str(ROOT)},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


ASK = """
    import sys
    from automation import grammar, memo
    from automation.documents.charts import Chart
    from automation.documents.reports import lemmas
    from automation.grammar import Case
    print(grammar.decline_position("заместитель директора по учебно-воспитательной работе", Case.GENT))
    print(grammar.uncertain_first_name("Гузель", True), grammar.continuing("Москва и область"))
    print(sorted(lemmas("подготовки к ОГЭ")))
    print(len(Chart("Пары по формам", ("студент — педагог", "педагог — педагог"), (3, 1)).png()))
    memo.save_all()
    print("pymorphy3" in sys.modules, "PIL" in sys.modules)
"""


def test_the_next_run_answers_from_the_cache_without_opening_the_dictionary_or_pillow(tmp_path):
    first = _run(ASK, tmp_path / "cache").splitlines()
    assert first[:3] == ["заместителя директора по учебно-воспитательной работе", "False Москва и область",
                         "['огэ', 'подготовка']"]
    assert first[-1] == "True True"  # the first run opened both
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache" / "memo").iterdir()) == ["charts", "grammar"]
    second = _run(ASK, tmp_path / "cache").splitlines()
    assert second[:-1] == first[:-1]  # the same answers, the same picture's size
    assert second[-1] == "False False"


def test_a_damaged_cache_is_passed_by_and_written_anew(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    store = memo.Store("test-damaged", (), limit=10)
    store.answer("вопрос", lambda: "ответ")
    store.save()
    kept = next((tmp_path / "cache" / "memo").glob("test-damaged-*.marshal"))
    kept.write_bytes(b"\x00not marshal")
    again = memo.Store("test-damaged", (), limit=10)
    assert again.answer("вопрос", lambda: "найден заново") == "найден заново"
    again.save()
    assert memo.Store("test-damaged", (), limit=10).answer("вопрос", lambda: "не спрошен") == "найден заново"


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path, monkeypatch):
    (tmp_path / "a file").write_text("не папка", encoding="utf-8")
    monkeypatch.setenv(memo.ENV, str(tmp_path / "a file"))
    store = memo.Store("test-unwritable", (), limit=10)
    assert store.answer(("склонение", 1), lambda: "ответ") == "ответ"
    store.save()  # nothing raised, nothing said
    assert (tmp_path / "a file").read_text(encoding="utf-8") == "не папка"


def test_a_store_keeps_its_latest_answers_and_only_the_file_of_this_version(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    (tmp_path / "cache" / "memo").mkdir(parents=True)
    stale = tmp_path / "cache" / "memo" / "test-limit-000000000000-000000000000-cpython-0.marshal"
    stale.write_bytes(b"")  # of an earlier install
    store = memo.Store("test-limit", (), limit=3)
    for number in range(5):
        store.answer(number, lambda number=number: number * 10)
    store.save()
    assert [p.name.split("-")[:2] for p in (tmp_path / "cache" / "memo").iterdir()] == [["test", "limit"]]
    assert not stale.exists()
    asked: list[int] = []
    again = memo.Store("test-limit", (), limit=3)
    assert [again.answer(n, lambda n=n: asked.append(n) or -1) for n in (2, 3, 4, 0)] == [20, 30, 40, -1]
    assert asked == [0]  # the two oldest were let go


def test_a_build_by_the_command_keeps_what_the_dictionary_answered(tmp_path, monkeypatch, initialized):
    import marshal

    from automation import grammar
    from tests.helpers import nastavnik, workspace

    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(grammar.ANSWERS, "_answers", None)  # nothing known yet: what this build asks is learned
    space = workspace(tmp_path, initialized, ROOT / "workbook" / "Наставничество.xlsx")
    assert nastavnik("build", "-q", cwd=space).returncode == 0
    kept = marshal.loads(next((tmp_path / "cache" / "memo").glob("grammar-*.marshal")).read_bytes())
    asked = {key[0] for key in kept}
    assert {"decline_position", "uncertain_first_name"} <= asked
    position = next(key for key in kept if key[0] == "decline_position" and key[2] == "рп")
    assert kept[position] != position[1]  # «учителя …» kept for «учитель …»
