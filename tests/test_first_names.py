"""The broad first-name list: names from many countries make a person, unisex names carry no
gender, and words that are far more often something else when capitalised are not first names."""

from __future__ import annotations

import pytest

from quotekit import Extractor
from quotekit._lexicons import default_lexicons

#: A company line, then a quotation by "the chief executive": linked to the company's owner only
#: when the text shows the owner is a person, here by a known first name.
OWNER = '{name} owns a newspaper in the port city. "We will not close," the chief executive said.'

#: The same role linked through "made his comments" in the next paragraph.
COMMENTS = ('{name} owns a newspaper in the port city.\n\nThe chief executive made her comments on '
            'Monday. "We will not close," she said.')


@pytest.mark.parametrize("name", ["Xiomara Quintero", "Yesenia Oyelaran", "Itzel Strand",
                                  "Nayeli Penhaligon", "Thuy Wendover", "Anika Trevethan"])
def test_non_anglo_first_name_makes_a_person(extractor: Extractor, name: str) -> None:
    result = extractor.extract(OWNER.format(name=name))
    [quote] = list(result)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.type, quote.speaker.role) == (name, "person", "chief executive")


@pytest.mark.parametrize("name", ["Xiomara Quintero", "Nayeli Penhaligon"])
def test_role_comments_link_to_person_with_listed_first_name(extractor: Extractor, name: str) -> None:
    result = extractor.extract(COMMENTS.format(name=name))
    [quote] = list(result)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == (name, "chief executive")


@pytest.mark.parametrize("first", ["Robin", "Chris", "Jamie", "Riley", "Leslie", "Casey"])
def test_unisex_first_name_has_no_gender(first: str) -> None:
    assert default_lexicons().first_names[first] == "-"


@pytest.mark.parametrize("pronoun", ["she", "he"])
def test_unisex_first_name_takes_either_pronoun(extractor: Extractor, pronoun: str) -> None:
    text = f'Robin Castellane runs the bakery on the square. "Bread is dear," {pronoun} said.'
    [quote] = list(extractor.extract(text))
    assert quote.speaker is not None and quote.speaker.name == "Robin Castellane"


@pytest.mark.parametrize("word", ["May", "June", "August", "Will", "Hope", "Summer", "Sterling",
                                  "Paris", "Dallas", "Sydney", "Jordan", "Chad", "India", "China",
                                  "King", "Prince", "Major", "General", "Justice", "Judge", "Bishop",
                                  "Guy", "Page", "Price", "Young", "Long", "Rich", "Gay", "Sun", "Star",
                                  "Royal", "Porsche", "Trinity", "Sierra"])
def test_word_more_often_not_a_name_is_not_a_first_name(word: str) -> None:
    assert word not in default_lexicons().first_names


@pytest.mark.parametrize("word", ["May", "Summer", "Hope", "Paris", "Dallas", "Sydney", "Jordan"])
def test_excluded_word_does_not_make_a_person(extractor: Extractor, word: str) -> None:
    text = f'{word} Mutual owns the newspaper. "We will not close," the chief executive said.'
    [quote] = list(extractor.extract(text))
    assert quote.speaker is None or quote.speaker.name != f"{word} Mutual"


def test_listed_first_name_makes_the_same_shape_a_person(extractor: Extractor) -> None:
    # The control for test_excluded_word_does_not_make_a_person: the shape does link when the
    # first word is a listed first name, so that test can fail.
    text = 'Xiomara Mutual owns the newspaper. "We will not close," the chief executive said.'
    [quote] = list(extractor.extract(text))
    assert quote.speaker is not None and quote.speaker.name == "Xiomara Mutual"


@pytest.mark.parametrize(("name", "gender"), [("Mark", "m"), ("Grace", "f"), ("Rose", "f"), ("Bill", "m")])
def test_hand_picked_names_keep_their_gender(name: str, gender: str) -> None:
    assert default_lexicons().first_names[name] == gender


def test_list_is_broad() -> None:
    names = default_lexicons().first_names
    assert len(names) > 5000
    assert {"Xiomara", "Guadalupe", "Lakshmi", "Mohammed", "Yesenia"} <= names.keys()
