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
}
