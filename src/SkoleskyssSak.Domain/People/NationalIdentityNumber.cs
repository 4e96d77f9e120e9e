namespace SkoleskyssSak.Domain.People;

/// <summary>
/// A Norwegian fødselsnummer or D-nummer (11 digits: DDMMYY + individual number + two mod-11 check digits).
/// Personal data (offentleglova § 13, fvl. § 13): <see cref="ToString"/> never reveals the number, so it
/// cannot leak into logs or exception messages by accident; use <see cref="Value"/> deliberately.
/// </summary>
public sealed class NationalIdentityNumber : IEquatable<NationalIdentityNumber>
{
    private static readonly int[] FirstCheckWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] SecondCheckWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    private NationalIdentityNumber(string value, NationalIdentityNumberKind kind, DateOnly birthDate)
    {
        Value = value;
        Kind = kind;
        BirthDate = birthDate;
    }

    /// <summary>The 11 digits. Personal data: never log it.</summary>
    public string Value { get; }

    public NationalIdentityNumberKind Kind { get; }

    public DateOnly BirthDate { get; }

    public static bool TryParse(string? input, out NationalIdentityNumber? number)
    {
        number = null;
        if (input is null)
        {
            return false;
        }

        var digits = input.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var d = digits.Select(c => c - '0').ToArray();
        if (CheckDigit(d, FirstCheckWeights) != d[9] || CheckDigit(d, SecondCheckWeights) != d[10])
        {
            return false;
        }

        var day = (d[0] * 10) + d[1];
        var month = (d[2] * 10) + d[3];
        var kind = NationalIdentityNumberKind.BirthNumber;

        // D-nummer: 4 is added to the first digit of the day.
        if (day > 40)
        {
            day -= 40;
            kind = NationalIdentityNumberKind.DNumber;
        }

        // Synthetic test persons: Skatteetaten's Tenor population (used by ID-porten's TestID) adds 80 to
        // the month, NAV's Dolly adds 40. Accepted so that test persons work end to end.
        var synthetic = false;
        if (month > 80)
        {
            month -= 80;
            synthetic = true;
        }
        else if (month > 40)
        {
            month -= 40;
            synthetic = true;
        }

        var year = FullYear((d[4] * 10) + d[5], (d[6] * 100) + (d[7] * 10) + d[8]);
        if (year is null || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month))
        {
            return false;
        }

        number = new NationalIdentityNumber(
            digits,
            synthetic ? NationalIdentityNumberKind.Synthetic : kind,
            new DateOnly(year.Value, month, day));
        return true;
    }

    public static NationalIdentityNumber Parse(string input) =>
        TryParse(input, out var number) ? number! : throw new FormatException("Ikkje eit gyldig fødselsnummer eller D-nummer.");

    /// <summary>The century follows from the individual number (Skatteetaten's allocation rules).</summary>
    private static int? FullYear(int yy, int individual) => individual switch
    {
        <= 499 => 1900 + yy,
        <= 749 when yy >= 54 => 1800 + yy,
        <= 999 when yy <= 39 => 2000 + yy,
        <= 999 when yy >= 40 && individual >= 900 => 1900 + yy,
        _ => null,
    };

    private static int CheckDigit(int[] digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += digits[i] * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => -1, // no valid number has this remainder
            _ => check,
        };
    }

    public bool Equals(NationalIdentityNumber? other) => other is not null && Value == other.Value;

    public override bool Equals(object? obj) => obj is NationalIdentityNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Masked on purpose: not even the birth date is shown.</summary>
    public override string ToString() => "***********";
}

public enum NationalIdentityNumberKind
{
    BirthNumber,
    DNumber,
    Synthetic,
}
