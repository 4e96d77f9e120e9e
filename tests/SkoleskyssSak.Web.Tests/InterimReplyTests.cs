using System.Globalization;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.InterimReplies;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Infrastructure.InterimReplies;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>The full app with a clock the test moves forward.</summary>
public sealed class InterimReplyApp : SkoleskyssAppFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The system clock moved by <see cref="Offset"/> (timers run on the real clock).</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>
/// Issue 5, fvl. § 11 a: a case one month old without a decision gets the interim reply letter with the expected date,
/// automatically, once — also when two instances run the job at the same time. Decided and younger cases get none.
/// The job is off in tests; each test runs single passes itself with the clock moved 32 days ahead.
/// </summary>
public sealed partial class InterimReplyTests(InterimReplyApp app) : IClassFixture<InterimReplyApp>
{
    private static readonly TimeSpan MonthAndTwoDays = TimeSpan.FromDays(32);

    public static TheoryData<string, string, string, string> Municipalities() => new()
    {
        { "5028", "Melhus kommune", "Foreløpig svar på søknad om skoleskyss", "nb-NO" },
        { "4647", "Sunnfjord kommune", "Førebels svar på søknad om skuleskyss", "nn-NO" },
    };

    [Theory]
    [MemberData(nameof(Municipalities))]
    public async Task A_case_one_month_old_without_a_decision_gets_one_interim_reply_and_younger_or_decided_cases_none(string municipality, string municipalityName, string title, string culture)
    {
        app.Clock.Offset = TimeSpan.Zero;
        var due = await DecisionTests.SubmitAsync(app, municipality);
        var decided = await DecisionTests.SubmitAsync(app, municipality);
        await DecideAsync(decided, municipality);
        app.Clock.Offset = TimeSpan.FromDays(3);
        var young = await DecisionTests.SubmitAsync(app, municipality);

        app.Clock.Offset = MonthAndTwoDays;
        Assert.True(await Job().RunOnceAsync(default) >= 1);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var letter = await db.Documents.SingleAsync(d => d.CaseId == due && d.Kind == CaseDocumentKind.InterimReplyLetter);
        Assert.Equal(SendInterimReplyCommand.SystemActorId, letter.AddedBy);
        Assert.False(letter.Confidential);
        var @case = await db.Cases.SingleAsync(c => c.Id == due);
        Assert.NotNull(@case.InterimReplySentAt);

        // The letter: title, the day it was received, the expected date, the municipality.
        var today = NorwegianTime.Today(app.Clock.GetUtcNow());
        var received = NorwegianTime.Today(@case.SubmittedAt!.Value);
        var weeks = await db.Municipalities.Where(m => m.Number == municipality).Select(m => m.ExpectedProcessingWeeks).SingleAsync();
        var expected = InterimReply.ExpectedAnswer(received, weeks, today);
        Assert.True(expected > today);
        var format = CultureInfo.GetCultureInfo(culture);
        var bytes = (await db.DocumentContents.SingleAsync(c => c.DocumentId == letter.Id)).Content;
        var text = Whitespace().Replace(await DecisionTests.PdfTextAsync(bytes), " ");
        foreach (var element in new[] { title, municipalityName, received.ToString("d. MMMM yyyy", format), expected.ToString("d. MMMM yyyy", format), "11 a", @case.CaseNumber!.ToString(), "Side 1 av" })
        {
            Assert.Contains(element, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("15091550013", text, StringComparison.Ordinal);

        // Journaled as outgoing with the letter, one e-mail per guardian with an address, the sending audited.
        var journal = await db.JournalEntries.SingleAsync(j => j.CaseId == due && j.DocumentId == letter.Id);
        Assert.Equal(JournalEntryKind.Outgoing, journal.Kind);
        var mail = await db.OutboxMessages.SingleAsync(m => m.CaseId == due && m.Kind == "InterimReply");
        Assert.Equal("foresatt@example.no", mail.Recipient);
        Assert.Contains(expected.ToString("d. MMMM yyyy", format), mail.Body, StringComparison.Ordinal);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "InterimReplySent" && a.ObjectId == $"{due}:{letter.Id}");
        Assert.Equal(("System", SendInterimReplyCommand.SystemActorId), (audit.ActorKind, audit.ActorId));

        // The parent finds it among the case's documents in "Mine saker".
        var pseudonym = scope.ServiceProvider.GetRequiredService<ICitizenPseudonyms>().PseudonymFor("12838510068");
        var mine = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetMyCaseQuery(due, pseudonym), default);
        Assert.Contains(mine!.Documents, d => d.DocumentId == letter.Id);

        // A decided case and one 29 days old get none; a second pass sends nothing more.
        Assert.False(await db.Documents.AnyAsync(d => (d.CaseId == decided || d.CaseId == young) && d.Kind == CaseDocumentKind.InterimReplyLetter));
        Assert.Equal(0, await Job().RunOnceAsync(default));
        Assert.Equal(1, await db.Documents.CountAsync(d => d.CaseId == due && d.Kind == CaseDocumentKind.InterimReplyLetter));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.CaseId == due && m.Kind == "InterimReply"));
    }

    [Fact]
    public async Task Two_instances_running_the_job_at_once_send_one_reply()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        app.Clock.Offset = MonthAndTwoDays;

        // Two jobs as on two instances, each with its own scopes and connections.
        var other = ActivatorUtilities.CreateInstance<InterimReplyJob>(app.Services);
        var sent = await Task.WhenAll(Job().RunOnceAsync(default), other.RunOnceAsync(default));

        Assert.Equal(1, sent.Sum());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.InterimReplyLetter));
        Assert.Equal(1, await db.JournalEntries.CountAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Outgoing));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.CaseId == caseId && m.Kind == "InterimReply"));
    }

    private InterimReplyJob Job() => app.Services.GetRequiredService<InterimReplyJob>();

    /// <summary>Takes the case through assessment to Decided in the domain (the decision pages have their own tests).</summary>
    private async Task DecideAsync(Guid caseId, string municipality)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        var caseworker = new CaseActor(Guid.NewGuid().ToString(), CaseActorRole.Caseworker);
        var now = app.Clock.GetUtcNow();
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, caseworker, now).Succeeded);
        var decide = @case.Apply(CaseTrigger.Decide, caseworker, now, "Refused", $"{municipality}/v1");
        Assert.True(decide.Succeeded, decide.Reason);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
