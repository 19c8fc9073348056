"""The site's form template (web/forms/form.html) renders every field of a form."""

from django import forms


class _Form(forms.Form):
    body = forms.CharField(label="Tekst")
    version = forms.IntegerField(widget=forms.HiddenInput)


def test_hidden_fields_are_rendered_beside_visible_ones():
    """A form with visible fields kept dropping its hidden ones (the version a reply was
    written against), so such a form could never be sent from a browser."""
    html = str(_Form(initial={"version": 7}))
    assert 'name="body"' in html
    assert '<input type="hidden" name="version" value="7"' in html


def test_hidden_field_errors_are_shown_once_at_the_top():
    form = _Form(data={"body": "x"})
    assert not form.is_valid()
    html = str(form)
    assert html.count("Verborgen veld version") == 1
    assert '<input type="hidden" name="version"' in html


def test_a_form_of_only_hidden_fields_renders_them():
    class Only(forms.Form):
        who = forms.CharField(widget=forms.HiddenInput)

    assert 'name="who"' in str(Only(initial={"who": "a"}))
