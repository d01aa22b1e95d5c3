"""The vocabulary is the one home of the reports' words: no other module spells a grade word, and every
pattern built from it reads the forms it promises."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from lib import vocab
from lib.paths import ROOT

# A grade word in code: the distinctive ones anywhere in a string, "good" where it stands as a grade
# (capitalised alone, or first in an alternation of a pattern: "how good|" is a phrase, not a grade).
GRADE_WORD = re.compile(r"(?i:outstanding|requires?\??\s*improvement|inadequate|\badequate|(?:^|[(|:])good\|)|\bGood\b")


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings (comments are not in the tree at all)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _spelled(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.name}:{line}: {text[:60]!r}" for line, text in _strings(tree) if GRADE_WORD.search(text)]


def test_no_module_but_the_vocabulary_spells_a_grade_word():
    modules = [p for p in sorted((ROOT / "lib").rglob("*.py")) if (ROOT / "lib" / "vocab") not in p.parents]
    assert len(modules) > 40
    found = [hit for path in modules for hit in _spelled(path)]
    assert found == []


def test_the_check_finds_a_grade_word_where_one_is_spelled(tmp_path):
    spelled = tmp_path / "m.py"
    spelled.write_text(
        '"""Good docstrings may say Outstanding."""\n# a comment: good\nX = r"(?:good|requires improvement)"\n'
    )
    assert _spelled(spelled) == ["m.py:3: '(?:good|requires improvement)'"]


@pytest.mark.parametrize(
    "printed, name",
    [
        ("requires improvement", "Requires improvement"),
        ("Require improvement", "Requires improvement"),
        ("GOOD", "Good"),
        ("adequate", "Adequate"),
        ("not graded", vocab.UNGRADED),
        ("", vocab.UNGRADED),
        ("excellent", "excellent"),
    ],
)
def test_grade_name_spells_every_printed_form_one_way(printed, name):
    assert vocab.grade_name(printed) == name


def test_the_scales_and_scores():
    assert vocab.scale_for(2019) == "four_point" and vocab.scale_for(2021) == "five_point"
    assert vocab.grade_score("Adequate", "four_point") is None
    assert vocab.grade_score("Adequate", "five_point") == 3
    assert vocab.grade_score("Outstanding", "four_point") == 4


def test_grade_patterns_are_built_from_the_grades():
    for grade in vocab.GRADES:
        assert vocab.GRADE_LINE.match(f"  {grade.upper()} ")
        assert re.fullmatch(vocab.G, grade.lower())
    assert vocab.GRADE_LINE.match("Ungraded") and not vocab.GRADE_LINE.match("Good at preventing crime")
    assert (
        vocab.GRADE_LEAD.match("Requires improvement Responding to the public").group(2) == "Responding to the public"
    )
    assert vocab.GRADE_LEAD.match("Good use of resources") is None


def test_every_grade_has_a_colour_and_an_ink():
    assert set(vocab.GRADE_COLOURS) == {*vocab.GRADES, vocab.UNGRADED} == set(vocab.GRADE_INK)


@pytest.mark.parametrize(
    "label, key",
    [
        ("How effective is the force at protecting those who are vulnerable from harm?", "protecting_vulnerable"),
        ("Tackling serious and organised crime", "serious_organised_crime"),
        ("Overall judgment", "overall"),
        ("Good use of resources", "strategic_planning"),
        ("Fair treatment of the workforce", "treating_workforce_fairly"),
        ("The weather", None),
    ],
)
def test_area_key(label, key):
    assert vocab.area_key(label) == key


def test_pillar_of_and_the_question_patterns():
    assert vocab.pillar_of("operates efficiently") == "efficiency"
    assert vocab.TOP_QUESTION.match("How well does the force's workforce behave ethically?")
    assert vocab.PILLAR_QUESTION.match("To what extent does the force treat all of the people it serves fairly?")
    assert vocab.FINDING_HEAD.match("Areas for improvement") and vocab.FINDING_HEAD.match("Causes of concern")
    assert re.fullmatch(vocab.MONTH, "September")
