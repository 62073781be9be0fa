from core.hooks import FirstAnswer


def test_the_first_answer_that_is_not_none_wins_in_registration_order():
    hook: FirstAnswer[str] = FirstAnswer()
    calls = []

    def silent(value):
        calls.append("silent")
        return None

    def first(value):
        calls.append("first")
        return f"first {value}"

    def second(value):
        calls.append("second")
        return "second"

    for answerer in (silent, first, second):
        hook.register(answerer)

    assert hook.ask(1) == "first 1"
    assert calls == ["silent", "first"]  # no one asked once an answer came


def test_registering_again_changes_nothing_and_no_answer_is_none():
    hook: FirstAnswer[int] = FirstAnswer()
    calls = []

    def silent(**kwargs):
        calls.append(kwargs)

    hook.register(silent)
    hook.register(silent)  # as a second AppConfig.ready() would

    assert hook.ask(day=3) is None
    assert calls == [{"day": 3}]
