from django import forms


def optional_choice(choices, label: str) -> forms.ChoiceField:
    """A filter's choice field whose empty value reads "Any <label>"."""
    return forms.ChoiceField(
        choices=[("", f"Any {label}"), *choices.choices], required=False, label=label.capitalize()
    )
