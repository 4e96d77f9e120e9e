namespace SkoleskyssSak.Web.Pages;

/// <summary>What _Select.cshtml and _RadioGroup.cshtml render: a labelled choice with its error and hint.</summary>
public sealed record ChoiceFieldViewModel(
    string Name,
    string Label,
    string? Value,
    IReadOnlyList<(string Value, string Text)> Options,
    string? Hint = null,
    string? ShowFor = null);
