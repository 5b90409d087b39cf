"""The small condition language used for skip logic (``show_if``): ``syntax`` parses,
``checking`` checks against the questions, ``evaluation`` runs. Imports only ``base``.

Grammar (documented for authors in ``docs/questionnaire-format.md``)::

    condition  := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := operand [("==" | "!=" | "<" | "<=" | ">" | ">=") operand | "in" list]
    operand    := NUMBER | STRING | "true" | "false" | reference | call | "(" or ")"
    reference  := QUESTION_ID | "profile." FIELD_ID
    call       := ("selected" | "answered" | "count") "(" reference ["," STRING]* ")"
    list       := "[" literal ("," literal)* "]"

Conditions are parsed into a tree when a questionnaire loads, checked against the questions
and profile fields (unknown names, later questions, option ids, types), and compiled into
closures. Nothing is ever passed to Python's ``eval``.

Evaluation uses three-valued logic: a reference to an unanswered or "not applicable" question
is *unknown* (``None``); comparisons with unknown are unknown; ``not`` unknown is unknown;
``false and unknown`` is false and ``true or unknown`` is true. A condition that ends unknown
is not met."""
