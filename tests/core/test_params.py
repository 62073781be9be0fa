import pytest

from core.params import MAX_ID, positive_int, positive_ints


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", 1), ("42", 42), ("007", 7), (str(MAX_ID), MAX_ID)],
)
def test_a_positive_ascii_number_is_read(value, expected):
    assert positive_int(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "0",
        "-3",
        "+3",
        " 3",
        "3 ",
        "1e3",
        "3.0",
        "²",  # str.isdigit() says yes; int() says no
        "٣",  # an Arabic-Indic three: int() reads it, ids are ASCII
        str(MAX_ID + 1),
        "9" * 20,
        "9" * 5000,  # past Python's 4,300-digit int() limit
    ],
)
def test_anything_else_is_none(value):
    assert positive_int(value) is None


def test_a_maximum_can_be_lower():
    assert positive_int("366", maximum=365) is None
    assert positive_int("365", maximum=365) == 365


def test_a_list_is_all_numbers_or_none():
    assert positive_ints(["3", "1"]) == [3, 1]
    assert positive_ints([]) == []
    assert positive_ints(["3", "²"]) is None
