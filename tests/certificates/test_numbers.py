import re

import pytest

from certificates.numbers import ALPHABET, new_number, normalise, number_problem

SHAPE = re.compile(r"PP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]")


def test_numbers_have_the_readable_shape_and_are_valid():
    numbers = {new_number() for _ in range(500)}
    assert len(numbers) == 500
    for number in numbers:
        assert SHAPE.fullmatch(number)
        assert not set(number.replace("-", "")) & set("ILOU")
        assert normalise(number) == number


def test_typing_variants_are_accepted():
    number = new_number()
    compact = number.replace("-", "").lower()
    assert normalise(f"  {compact} ") == number
    assert normalise(number[3:]) == number  # without the PP- prefix
    assert normalise(number.replace("0", "O").replace("1", "I")) == number


def test_every_single_mistyped_character_is_caught():
    for _ in range(50):
        number = new_number()
        compact = number.replace("-", "")[2:]
        for position in range(len(compact)):
            for replacement in ALPHABET:
                if replacement == compact[position]:
                    continue
                typo = compact[:position] + replacement + compact[position + 1 :]
                assert normalise(typo) is None, (number, typo)
                assert number_problem(f"PP-{typo}") == "check_character", (number, typo)


@pytest.mark.parametrize("text", ["", "PP-1234", "PP-ABCD-EFGH-", "hello world", "PP-UUUU-UUUU-U"])
def test_nonsense_is_not_a_number(text):
    assert normalise(text) is None


@pytest.mark.parametrize("text", ["", "PP-1234", "PP-ABCD-EFGH-", "hello world", "PP-UUUU-UUUU-U"])
def test_nonsense_is_called_malformed(text):
    assert number_problem(text) == "malformed"


def test_a_number_that_can_be_valid_has_no_problem():
    number = new_number()

    assert number_problem(number) is None
    assert number_problem(number.replace("-", "").lower()) is None
