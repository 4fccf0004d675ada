"""The account-deletion form: shape only; the password is checked by yogaflow.account_data."""

from django import forms

from accounts.forms import password_field


class DeleteAccountForm(forms.Form):
    password = password_field("Your password", "current-password")
    confirm = forms.BooleanField(
        label="I understand that my account and all my data will be deleted for good.",
        error_messages={"required": "Tick this box to confirm."},
    )
