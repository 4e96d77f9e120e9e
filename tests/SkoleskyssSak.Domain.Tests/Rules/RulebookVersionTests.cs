using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Tests.Rules;

/// <summary>The lifecycle of a stored rulebook version: Draft → Active → Retired; only drafts change.</summary>
public sealed class RulebookVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly August = new(2026, 8, 1);

    private static RulebookVersion Draft(int version = 2) => RulebookVersion.CreateDraft(Guid.NewGuid(), "5028", version, "{\"v\":1}", Now);

    [Fact]
    public void A_new_version_is_a_draft_without_validity()
    {
        var draft = Draft();
        Assert.Equal(RulebookStatus.Draft, draft.Status);
        Assert.Null(draft.ValidFrom);
        Assert.Null(draft.ValidTo);
        Assert.Null(draft.ActivatedAt);
        Assert.Equal(Now, draft.CreatedAt);
    }

    [Fact]
    public void A_draft_can_be_edited()
    {
        var draft = Draft();
        var change = draft.Edit("{\"v\":2}");
        Assert.True(change.Succeeded);
        Assert.Null(change.Reason);
        Assert.Equal("{\"v\":2}", draft.Content);
    }

    [Fact]
    public void An_active_version_cannot_be_edited_and_keeps_its_content()
    {
        var version = Draft();
        version.Activate(August, Now);
        var change = version.Edit("{\"v\":2}");
        Assert.False(change.Succeeded);
        Assert.Contains("utkast", change.Reason, StringComparison.Ordinal);
        Assert.Equal("{\"v\":1}", version.Content);
    }

    [Fact]
    public void A_retired_version_cannot_be_edited()
    {
        var version = Draft();
        version.Activate(August, Now);
        version.Retire(August.AddYears(1));
        Assert.False(version.Edit("{\"v\":2}").Succeeded);
        Assert.Equal("{\"v\":1}", version.Content);
    }

    [Fact]
    public void Activating_sets_status_validity_and_time()
    {
        var version = Draft();
        var change = version.Activate(August, Now.AddHours(1));
        Assert.True(change.Succeeded);
        Assert.Equal(RulebookStatus.Active, version.Status);
        Assert.Equal(August, version.ValidFrom);
        Assert.Null(version.ValidTo);
        Assert.Equal(Now.AddHours(1), version.ActivatedAt);
    }

    [Fact]
    public void Activating_twice_is_refused_and_changes_nothing()
    {
        var version = Draft();
        version.Activate(August, Now);
        var again = version.Activate(August.AddMonths(1), Now.AddDays(1));
        Assert.False(again.Succeeded);
        Assert.NotNull(again.Reason);
        Assert.Equal(August, version.ValidFrom);
        Assert.Equal(Now, version.ActivatedAt);
    }

    [Fact]
    public void Retiring_ends_the_version_the_day_before_its_successor()
    {
        var version = Draft();
        version.Activate(August, Now);
        var change = version.Retire(new DateOnly(2027, 1, 1));
        Assert.True(change.Succeeded);
        Assert.Equal(RulebookStatus.Retired, version.Status);
        Assert.Equal(new DateOnly(2026, 12, 31), version.ValidTo);
    }

    [Fact]
    public void Only_an_active_version_can_be_retired()
    {
        var draft = Draft();
        Assert.False(draft.Retire(August).Succeeded);
        Assert.Equal(RulebookStatus.Draft, draft.Status);

        var retired = Draft();
        retired.Activate(August, Now);
        retired.Retire(new DateOnly(2027, 1, 1));
        Assert.False(retired.Retire(new DateOnly(2027, 6, 1)).Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 31), retired.ValidTo);
    }

    [Fact]
    public void A_retired_version_cannot_be_activated_again()
    {
        var version = Draft();
        version.Activate(August, Now);
        version.Retire(new DateOnly(2027, 1, 1));
        Assert.False(version.Activate(new DateOnly(2027, 2, 1), Now).Succeeded);
        Assert.Equal(RulebookStatus.Retired, version.Status);
    }

    [Fact]
    public void A_draft_is_never_in_force()
    {
        Assert.False(Draft().InForceOn(August));
    }

    [Theory]
    [InlineData("2026-07-31", false)] // the day before it starts
    [InlineData("2026-08-01", true)] // its first day
    [InlineData("2099-01-01", true)] // open-ended while active
    public void An_active_version_is_in_force_from_its_first_day(string date, bool inForce)
    {
        var version = Draft();
        version.Activate(August, Now);
        Assert.Equal(inForce, version.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-07-31", false)]
    [InlineData("2026-08-01", true)]
    [InlineData("2026-12-31", true)] // its last day: the day before the successor
    [InlineData("2027-01-01", false)] // the successor's first day
    public void A_retired_version_is_in_force_up_to_and_including_its_last_day(string date, bool inForce)
    {
        var version = Draft();
        version.Activate(August, Now);
        version.Retire(new DateOnly(2027, 1, 1));
        Assert.Equal(inForce, version.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_draft_needs_a_municipality_content_and_a_positive_number()
    {
        Assert.ThrowsAny<ArgumentException>(() => RulebookVersion.CreateDraft(Guid.NewGuid(), " ", 1, "{}", Now));
        Assert.ThrowsAny<ArgumentException>(() => RulebookVersion.CreateDraft(Guid.NewGuid(), "5028", 1, "", Now));
        Assert.ThrowsAny<ArgumentException>(() => RulebookVersion.CreateDraft(Guid.NewGuid(), "5028", 0, "{}", Now));
    }
}
