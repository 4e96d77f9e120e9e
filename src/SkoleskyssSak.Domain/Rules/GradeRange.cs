using System.Globalization;

namespace SkoleskyssSak.Domain.Rules;

/// <summary>A range of grades (trinn) such as 1, 2–4 or 8–10, written "1", "2-4", "8-10".</summary>
public readonly record struct GradeRange(int From, int To)
{
    public bool Contains(int grade) => grade >= From && grade <= To;

    public static GradeRange Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var to = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from;
        if (parts.Length > 2 || from < 1 || to > 10 || from > to)
        {
            throw new FormatException($"'{text}' is not a grade range within 1-10.");
        }

        return new GradeRange(from, to);
    }

    public override string ToString() => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}-{To}";
}
