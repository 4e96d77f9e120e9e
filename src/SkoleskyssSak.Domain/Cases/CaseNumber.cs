using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// A saksnummer: the year and a sequence number that restarts every year in each municipality, written
/// <c>2026/00042</c> (four-digit year, slash, five-digit sequence). Uniqueness per municipality and the allocation of
/// the next number are the Application/Infrastructure's business; this type only validates, formats, parses and
/// orders (by year, then sequence).
/// </summary>
public sealed record CaseNumber : IComparable<CaseNumber>
{
    public const int MinYear = 2000;
    public const int MaxYear = 9999;
    public const int MaxSequence = 99_999;

    private CaseNumber(int year, int sequence)
    {
        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }

    public int Sequence { get; }

    public static CaseNumber Create(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new CaseNumber(year, sequence);
    }

    /// <summary>Parses exactly <c>yyyy/nnnnn</c> (surrounding white space ignored); anything else is malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out CaseNumber result)
    {
        result = null;
        var text = s?.Trim();
        if (text is null || text.Length != 10 || text[4] != '/')
        {
            return false;
        }

        var yearPart = text.AsSpan(0, 4);
        var sequencePart = text.AsSpan(5, 5);
        if (!IsDigits(yearPart) || !IsDigits(sequencePart))
        {
            return false;
        }

        var year = int.Parse(yearPart, NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = int.Parse(sequencePart, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < MinYear || sequence < 1)
        {
            return false;
        }

        result = new CaseNumber(year, sequence);
        return true;
    }

    public static CaseNumber Parse(string s) =>
        TryParse(s, out var result) ? result : throw new FormatException("A case number is written yyyy/nnnnn, e.g. 2026/00042.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}/{Sequence:D5}");

    public int CompareTo(CaseNumber? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byYear = Year.CompareTo(other.Year);
        return byYear != 0 ? byYear : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(CaseNumber? left, CaseNumber? right) => Compare(left, right) < 0;

    public static bool operator <=(CaseNumber? left, CaseNumber? right) => Compare(left, right) <= 0;

    public static bool operator >(CaseNumber? left, CaseNumber? right) => Compare(left, right) > 0;

    public static bool operator >=(CaseNumber? left, CaseNumber? right) => Compare(left, right) >= 0;

    private static int Compare(CaseNumber? left, CaseNumber? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
