using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Domain.Tests.Municipalities;

/// <summary>Invariants of the organisation aggregates (DESIGN.md §4).</summary>
public class MunicipalityTests
{
    [Theory]
    [InlineData("4647")] // Sunnfjord
    [InlineData("0301")] // Oslo: the leading zero is part of the number
    [InlineData("3105")]
    public void Kommunenummer_of_four_digits_is_accepted(string number)
    {
        var municipality = new Municipality(number, "Kommune", "Fylke", LanguageForm.Nynorsk, "Postboks 1");
        Assert.Equal(number, municipality.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("464")]
    [InlineData("46470")]
    [InlineData("46a7")]
    [InlineData(" 464")]
    [InlineData("٤٦٤٧")] // Arabic-Indic digits are digits, but not a kommunenummer
    public void Kommunenummer_must_be_exactly_four_ascii_digits(string number)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Municipality(number, "Kommune", "Fylke", LanguageForm.Bokmal, "Postboks 1"));
        Assert.Equal("number", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Municipality_must_have_a_name(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Municipality("4647", name, "Vestland", LanguageForm.Nynorsk, "Postboks 338"));
        var municipality = new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Postboks 338");
        Assert.ThrowsAny<ArgumentException>(() => municipality.Update(name, "Vestland", LanguageForm.Nynorsk, "Postboks 338"));
        Assert.Equal("Sunnfjord", municipality.Name);
    }

    [Fact]
    public void Update_changes_name_county_language_form_and_address_but_not_the_number()
    {
        var municipality = new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Postboks 338");
        municipality.Update("Sunnfjord kommune", "Vestland fylke", LanguageForm.Bokmal, "Postboks 1");
        Assert.Equal(("4647", "Sunnfjord kommune", "Vestland fylke", LanguageForm.Bokmal, "Postboks 1"),
            (municipality.Number, municipality.Name, municipality.County, municipality.LanguageForm, municipality.PostalAddress));
    }
}

public class SchoolTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(1, 7)] // barneskule
    [InlineData(8, 10)] // ungdomsskule
    [InlineData(5, 5)] // lowest may equal highest
    public void Grades_within_1_to_10_with_lowest_not_above_highest_are_accepted(int lowest, int highest)
    {
        var school = new School(Guid.NewGuid(), "4647", "Skei skule", lowest, highest, isPrivate: false);
        Assert.Equal((lowest, highest), (school.LowestGrade, school.HighestGrade));
    }

    [Theory]
    [InlineData(0, 7)] // grunnskulen runs from 1st to 10th grade
    [InlineData(1, 11)]
    [InlineData(-1, 5)]
    [InlineData(8, 7)] // lowest above highest
    [InlineData(10, 1)]
    [InlineData(11, 11)]
    public void Grades_must_run_from_1_to_10_with_lowest_not_above_highest(int lowest, int highest)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new School(Guid.NewGuid(), "4647", "Skei skule", lowest, highest, isPrivate: false));
    }

    [Fact]
    public void Case_handling_is_set_trimmed_and_may_be_cleared()
    {
        var municipality = new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Postboks 338");
        Assert.Null(municipality.HandlingUnit);
        Assert.Null(municipality.ExpectedProcessingWeeks);

        municipality.SetCaseHandling("  Oppvekst – skulekontoret ", 6);
        Assert.Equal("Oppvekst – skulekontoret", municipality.HandlingUnit);
        Assert.Equal(6, municipality.ExpectedProcessingWeeks);

        municipality.SetCaseHandling(" ", null);
        Assert.Null(municipality.HandlingUnit);
        Assert.Null(municipality.ExpectedProcessingWeeks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void Processing_time_runs_from_one_to_52_weeks(int weeks)
    {
        var municipality = new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Postboks 338");
        Assert.Throws<ArgumentOutOfRangeException>(() => municipality.SetCaseHandling("Skulekontoret", weeks));
        Assert.Throws<ArgumentException>(() => municipality.SetCaseHandling(new string('a', 201), 4));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void School_must_have_a_name(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new School(Guid.NewGuid(), "4647", name, 1, 10, isPrivate: false));
    }
}

public class AppealBodyTests
{
    [Theory]
    [InlineData("", "Statsforvaltaren i Vestland")]
    [InlineData("sf-vestland", " ")]
    public void Appeal_body_must_have_a_code_and_a_name(string code, string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new AppealBody(code, name, AppealBodyKind.CountyGovernor, "Postboks 7310"));
    }
}
