namespace SkoleskyssSak.Domain.Municipalities;

/// <summary>The written standard a municipality uses towards its inhabitants (mållova § 6).</summary>
public enum LanguageForm
{
    Bokmal,
    Nynorsk,
}
