namespace SkoleskyssSak.Domain.Municipalities;

/// <summary>A municipality (kommune) using SkoleskyssSak; identified by its four-digit kommunenummer.</summary>
public sealed class Municipality
{
    private Municipality()
    {
        Number = string.Empty;
        Name = string.Empty;
        County = string.Empty;
        PostalAddress = string.Empty;
    }

    public Municipality(string number, string name, string county, LanguageForm languageForm, string postalAddress)
    {
        if (number.Length != 4 || !number.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A kommunenummer has four digits.", nameof(number));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Number = number;
        Name = name;
        County = county;
        LanguageForm = languageForm;
        PostalAddress = postalAddress;
    }

    public string Number { get; private set; }

    public string Name { get; private set; }

    public string County { get; private set; }

    public LanguageForm LanguageForm { get; private set; }

    /// <summary>Address block used in letters.</summary>
    public string PostalAddress { get; private set; }

    /// <summary>
    /// The unit that handles the cases, shown to parents ("Mine saker", receipt), e.g. "Oppvekst – skulekontoret".
    /// Null until the municipality has configured it.
    /// </summary>
    public string? HandlingUnit { get; private set; }

    /// <summary>
    /// The processing time the municipality announces, in weeks (null: not configured). Beyond one month the
    /// parent gets an interim reply anyway (fvl § 11a).
    /// </summary>
    public int? ExpectedProcessingWeeks { get; private set; }

    /// <summary>
    /// Four-eyes: a second caseworker must issue what the first drafted (issue 5, optional per municipality). Off by default.
    /// </summary>
    public bool DecisionRequiresSecondApproval { get; private set; }

    public void SetFourEyes(bool required) => DecisionRequiresSecondApproval = required;

    public const int MaxHandlingUnitLength = 200;
    public const int MaxProcessingWeeks = 52;

    /// <summary>Sets or clears the handling unit and the expected processing time.</summary>
    public void SetCaseHandling(string? handlingUnit, int? expectedProcessingWeeks)
    {
        var unit = string.IsNullOrWhiteSpace(handlingUnit) ? null : handlingUnit.Trim();
        if (unit is { Length: > MaxHandlingUnitLength })
        {
            throw new ArgumentException($"A handling unit has at most {MaxHandlingUnitLength} characters.", nameof(handlingUnit));
        }

        if (expectedProcessingWeeks is < 1 or > MaxProcessingWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedProcessingWeeks), expectedProcessingWeeks, $"From 1 to {MaxProcessingWeeks} weeks.");
        }

        HandlingUnit = unit;
        ExpectedProcessingWeeks = expectedProcessingWeeks;
    }

    public void Update(string name, string county, LanguageForm languageForm, string postalAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        County = county;
        LanguageForm = languageForm;
        PostalAddress = postalAddress;
    }
}
