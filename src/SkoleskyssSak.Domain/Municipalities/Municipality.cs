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

    public void Update(string name, string county, LanguageForm languageForm, string postalAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        County = county;
        LanguageForm = languageForm;
        PostalAddress = postalAddress;
    }
}
