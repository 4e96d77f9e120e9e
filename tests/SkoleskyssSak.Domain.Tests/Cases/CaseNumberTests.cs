using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>The saksnummer: per municipality and year, written yyyy/nnnnn (DESIGN.md §2: "2026/00042").</summary>
public class CaseNumberTests
{
    [Theory]
    [InlineData(2026, 42, "2026/00042")]
    [InlineData(2026, 1, "2026/00001")]
    [InlineData(2027, 99_999, "2027/99999")]
    [InlineData(2000, 12_345, "2000/12345")]
    public void Formats_as_four_digit_year_slash_five_digit_sequence(int year, int sequence, string expected)
    {
        Assert.Equal(expected, CaseNumber.Create(year, sequence).ToString());
    }

    [Theory]
    [InlineData("2026/00042", 2026, 42)]
    [InlineData("2026/99999", 2026, 99_999)]
    [InlineData(" 2031/00100 ", 2031, 100)]
    public void Parses_the_written_form_back(string text, int year, int sequence)
    {
        Assert.True(CaseNumber.TryParse(text, out var number));
        Assert.Equal(CaseNumber.Create(year, sequence), number);
        Assert.Equal(number, CaseNumber.Parse(text));
    }

    [Fact]
    public void Format_and_parse_round_trip()
    {
        foreach (var (year, sequence) in new[] { (2026, 1), (2026, 42), (2030, 10_000), (2099, 99_999) })
        {
            var number = CaseNumber.Create(year, sequence);
            Assert.Equal(number, CaseNumber.Parse(number.ToString()));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026/42")] // the sequence has five digits
    [InlineData("2026/000042")]
    [InlineData("26/00042")]
    [InlineData("2026-00042")]
    [InlineData("2026 00042")]
    [InlineData("2026/0004a")]
    [InlineData("2026/-0042")]
    [InlineData("2026/+0042")]
    [InlineData("2026/00000")] // sequences start at 1
    [InlineData("1999/00042")] // before the system's years
    [InlineData("２０２６/00042")] // full-width digits are not ASCII digits
    [InlineData("2026/00042/1")]
    [InlineData("2026//0042")]
    public void Malformed_case_numbers_are_rejected(string? text)
    {
        Assert.False(CaseNumber.TryParse(text, out var number));
        Assert.Null(number);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => CaseNumber.Parse(text));
        }
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(10_000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(2026, 100_000)]
    public void Create_rejects_years_and_sequences_outside_the_format(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumber.Create(year, sequence));
    }

    [Fact]
    public void Orders_by_year_then_sequence()
    {
        string[] written = ["2027/00001", "2026/00042", "2026/00100", "2025/99999", "2026/00007"];
        var numbers = written.Select(CaseNumber.Parse).ToList();

        numbers.Sort();

        Assert.Equal(["2025/99999", "2026/00007", "2026/00042", "2026/00100", "2027/00001"], numbers.Select(n => n.ToString()));
    }

    [Fact]
    public void Comparison_operators_agree_with_the_order()
    {
        var earlier = CaseNumber.Parse("2026/00099");
        var later = CaseNumber.Parse("2027/00001");
        var same = CaseNumber.Parse("2026/00099");

        Assert.True(earlier < later);
        Assert.True(earlier <= later);
        Assert.True(later > earlier);
        Assert.True(later >= earlier);
        Assert.True(earlier <= same && earlier >= same);
        Assert.False(earlier < same);
        Assert.Equal(0, earlier.CompareTo(same));
        Assert.True(earlier.CompareTo(null) > 0);
    }

    [Fact]
    public void Equal_numbers_are_equal_values()
    {
        Assert.Equal(CaseNumber.Create(2026, 42), CaseNumber.Parse("2026/00042"));
        Assert.Equal(CaseNumber.Create(2026, 42).GetHashCode(), CaseNumber.Parse("2026/00042").GetHashCode());
        Assert.NotEqual(CaseNumber.Create(2026, 42), CaseNumber.Create(2027, 42));
    }
}
