"""The session generator used by the benchmark and the fuzz suite."""

from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session


def test_generated_session_has_the_asked_size_and_validates() -> None:
    s = generate_session(staff=7, competences=20, rounds=2, seed=3)
    assert len(s.staff) == 7
    assert len(s.competence_ids()) == 20
    assert [r.number for r in s.rounds] == [1, 2]
    assert Session.model_validate(s.model_dump()) == s


def test_generator_is_deterministic() -> None:
    assert generate_session(5, 10, 1, seed=1).rounds == generate_session(5, 10, 1, seed=1).rounds
