using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SkoleskyssSak.Web.Pages;

public static class ModelStateErrors
{
    /// <summary>Puts a handler's field errors on the page's fields, e.g. "Conditions" → "Form.Conditions".</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, Func<string, string> field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(field);
        foreach (var (key, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field(key), message);
            }
        }
    }

    /// <summary>
    /// The one mapping of a use case's <see cref="Failure"/> onto a page (the API's is ApiProblems.From): field messages
    /// next to their fields (<paramref name="field"/> maps a command property to the form's, e.g. "Conditions" →
    /// "Form.Conditions"), a refusal or a conflict at the top. NotFound adds nothing: the page answers 404.
    /// </summary>
    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, Func<string, string>? field = null)
    {
        switch (failure)
        {
            case Failure.Invalid invalid:
                modelState.AddErrors(invalid.Errors, field ?? (f => f));
                break;
            case Failure.Refused refused:
                modelState.AddModelError(string.Empty, refused.Reason);
                break;
            case Failure.Conflict conflict:
                modelState.AddModelError(string.Empty, conflict.Reason);
                break;
        }
    }

    /// <summary>
    /// A date field's value: null when left empty; when it is no date, null with <paramref name="message"/> on the field.
    /// </summary>
    public static DateOnly? DateField(this ModelStateDictionary modelState, string? value, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (FormDates.TryParse(value, out var date))
        {
            return date;
        }

        modelState.AddModelError(field, message);
        return null;
    }
}

/// <summary>Dates as a date input posts them (yyyy-MM-dd, whatever the page's language).</summary>
public static class FormDates
{
    /// <summary>True with null for an empty value, true with the date for a date within <see cref="SkoleskyssSak.Domain.Time.SupportedDates"/>, false for anything else.</summary>
    public static bool TryParse(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        // A date outside the service's span (e.g. 0001-01-01, 9999-12-31) is no date a form can mean.
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            || !SkoleskyssSak.Domain.Time.SupportedDates.Contains(parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
