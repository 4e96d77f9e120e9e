using System.Globalization;
using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Domain.Tests.People;

/// <summary>
/// Fødselsnummer and D-nummer as Skatteetaten allocates them (folkeregisterforskrifta § 2-2-1 ff.):
/// DDMMYY, a three-digit individual number that also gives the century, and two mod-11 check digits.
/// Every valid number below was computed by hand with the weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2.
/// </summary>
public class NationalIdentityNumberTests
{
    public static TheoryData<string, string, NationalIdentityNumberKind> ValidNumbers => new()
    {
        // Ordinary fødselsnummer.
        { "01019000083", "1990-01-01", NationalIdentityNumberKind.BirthNumber },
        { "15058525100", "1985-05-15", NationalIdentityNumberKind.BirthNumber },
        { "31129949980", "1999-12-31", NationalIdentityNumberKind.BirthNumber },
        { "29020450051", "2004-02-29", NationalIdentityNumberKind.BirthNumber },

        // D-nummer: 4 added to the first digit of the day (day + 40).
        { "45019010086", "1990-01-05", NationalIdentityNumberKind.DNumber },
        { "41019000077", "1990-01-01", NationalIdentityNumberKind.DNumber },
        { "71019000170", "1990-01-31", NationalIdentityNumberKind.DNumber },

        // Synthetic test persons: Tenor adds 80 to the month (the two demo persons), Dolly adds 40.
        { "12838510068", "1985-03-12", NationalIdentityNumberKind.Synthetic },
        { "03909010038", "1990-10-03", NationalIdentityNumberKind.Synthetic },
        { "15838520038", "1985-03-15", NationalIdentityNumberKind.Synthetic },
        { "15438520055", "1985-03-15", NationalIdentityNumberKind.Synthetic },
    };

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void Valid_numbers_parse_with_birth_date_and_kind(string input, string birthDate, NationalIdentityNumberKind kind)
    {
        Assert.True(NationalIdentityNumber.TryParse(input, out var number));
        Assert.NotNull(number);
        Assert.Equal(input, number.Value);
        Assert.Equal(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), number.BirthDate);
        Assert.Equal(kind, number.Kind);
    }

    [Theory]
    [InlineData("12838510068", "12838510069")] // second check digit off by one
    [InlineData("12838510068", "12838510078")] // first check digit off by one
    [InlineData("01019000083", "01019000082")]
    [InlineData("01019000083", "01019000093")]
    [InlineData("01019000083", "01019000183")] // individual number changed, check digits kept
    [InlineData("01019000083", "10019000083")] // neighbours swapped: with weights that differ, mod 11 catches every such swap
    public void Check_digits_must_both_match_mod11(string valid, string tampered)
    {
        Assert.True(NationalIdentityNumber.TryParse(valid, out _));
        Assert.False(NationalIdentityNumber.TryParse(tampered, out var number));
        Assert.Null(number);
    }

    [Theory]
    [InlineData("010190012")] // first check digit would be 11 - r = 10
    [InlineData("0101900075")] // second check digit would be 10
    public void A_check_digit_of_ten_makes_no_valid_number(string prefix)
    {
        // Skatteetaten never allocates an individual number whose check digit comes out as 10, so no
        // completion of these prefixes may be accepted.
        var completions = Enumerable.Range(0, (int)Math.Pow(10, 11 - prefix.Length))
            .Select(i => prefix + i.ToString(CultureInfo.InvariantCulture).PadLeft(11 - prefix.Length, '0'));
        Assert.All(completions, candidate => Assert.False(NationalIdentityNumber.TryParse(candidate, out _), candidate));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1283851006")] // 10 digits
    [InlineData("128385100680")] // 12 digits
    [InlineData("1283851006A")] // letter
    [InlineData("12838-10068")]
    [InlineData("１２８３８５１００６８")] // full-width digits are not ASCII digits
    public void Only_eleven_ascii_digits_are_accepted(string? input)
    {
        Assert.False(NationalIdentityNumber.TryParse(input, out var number));
        Assert.Null(number);
    }

    [Theory]
    [InlineData("31029000096")] // 31.02.1990
    [InlineData("01139000001")] // month 13
    [InlineData("01009000093")] // month 00
    [InlineData("00019000044")] // day 00
    [InlineData("32019000035")] // day 32
    [InlineData("40019000038")] // D-nummer of day 00
    [InlineData("72019000029")] // D-nummer of day 32
    [InlineData("01539000094")] // synthetic (+40) month 13
    [InlineData("01939000077")] // synthetic (+80) month 13
    [InlineData("01809000059")] // month 80 is neither +80 (month 0) nor a valid +40 month
    [InlineData("29020000064")] // 29.02.1900: individual number 000 puts it in 1900, which was not a leap year
    public void Impossible_dates_are_rejected_even_with_valid_check_digits(string input)
    {
        Assert.False(NationalIdentityNumber.TryParse(input, out _));
    }

    [Theory]
    [InlineData("01019000083", 1990)] // individual 000-499: 1900-1999
    [InlineData("31129949980", 1999)] // 499 is still 1900s
    [InlineData("01013910045", 1939)] // 000-499 with yy <= 39 is 1900s too
    [InlineData("01016050012", 1860)] // 500-749 with yy >= 54: 1854-1899
    [InlineData("01015450068", 1854)]
    [InlineData("01015560041", 1855)]
    [InlineData("29020050088", 2000)] // 500-999 with yy <= 39: 2000-2039 (and 29.02.2000 exists)
    [InlineData("01013950187", 2039)]
    [InlineData("01013999984", 2039)]
    [InlineData("15127090057", 1970)] // 900-999 with yy >= 40: 1940-1999
    [InlineData("01014090017", 1940)]
    public void Century_follows_from_the_individual_number(string input, int year)
    {
        Assert.True(NationalIdentityNumber.TryParse(input, out var number));
        Assert.Equal(year, number!.BirthDate.Year);
    }

    [Theory]
    [InlineData("01015350047")] // 500-749 with yy 40-53 is not allocated
    [InlineData("01015060057")]
    [InlineData("01017080039")] // 750-899 with yy >= 40 is not allocated
    public void Unallocated_individual_number_ranges_are_rejected(string input)
    {
        Assert.False(NationalIdentityNumber.TryParse(input, out _));
    }

    [Theory]
    [InlineData(" 12838510068 ")]
    [InlineData("\t12838510068\n")]
    [InlineData("128385 10068")] // written as 6+5, the way it is printed on cards and letters
    public void Surrounding_whitespace_and_the_6_5_space_are_ignored(string input)
    {
        Assert.True(NationalIdentityNumber.TryParse(input, out var number));
        Assert.Equal("12838510068", number!.Value);
    }

    [Theory]
    [InlineData("12838510068")]
    [InlineData("03909010038")]
    [InlineData("45019010086")]
    public void ToString_never_reveals_any_digit(string input)
    {
        // Personal data (offentleglova § 13): interpolating the value into a log line or message must not leak it.
        var number = NationalIdentityNumber.Parse(input);
        var text = number.ToString();
        Assert.DoesNotContain(text, char.IsDigit);
        Assert.DoesNotContain(input, $"Søknad frå {number}", StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_an_invalid_number_without_echoing_it()
    {
        var ex = Assert.Throws<FormatException>(() => NationalIdentityNumber.Parse("12838510069"));
        Assert.DoesNotContain("12838510069", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_equal_by_value()
    {
        var a = NationalIdentityNumber.Parse("12838510068");
        var b = NationalIdentityNumber.Parse(" 128385 10068 ");
        var c = NationalIdentityNumber.Parse("03909010038");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
