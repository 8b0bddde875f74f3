"""The address of a quiz and of its routes (start, attempt, result)."""


def quiz_url(quiz, route="", *args) -> str:
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")
