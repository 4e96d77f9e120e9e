namespace SkoleskyssSak.Web.Localization;

/// <summary>
/// Marker for the shared UI texts: Resources/Localization.SharedResource.resx is Bokmål (the neutral
/// language), Resources/Localization.SharedResource.nn.resx is Nynorsk.
/// </summary>
public sealed class SharedResource;
