namespace SkoleskyssSak.Web.Pages;

/// <summary>What _Field.cshtml renders: one input with label and error.</summary>
public sealed record FieldViewModel(string Name, string Label, string? Value, string Type = "text", string Autocomplete = "off");
