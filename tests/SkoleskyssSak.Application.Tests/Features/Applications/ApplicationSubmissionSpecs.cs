using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Cases;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>Start → save → submit → follow → withdraw, against PostgreSQL with the real infrastructure.</summary>
public sealed class ApplicationSubmissionSpecs
{
    [Fact]
    public async Task Start_save_and_submit_gives_case_2026_00001_submitted_journaled_and_notified()
    {
        await using var app = await CreateAsync("app_submit");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);

        var result = ResultAssert.Ok(await app.SubmitAsync(draft));

        Assert.Equal("2026/00001", result.CaseNumber.ToString());
        Assert.Equal(CaseState.Submitted, result.State);
        Assert.False(result.AlreadySubmitted);
        await using var db = app.Db();
        var stored = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == draft);
        Assert.Equal(CaseState.Submitted, stored.State);
        // The work queue's columns (issue 5): school, grade, submission time, expected decision date 8 weeks later.
        Assert.Equal((GimseSkole, 3, Now, new DateOnly(2027, 1, 16)), (stored.SchoolId!.Value, stored.Grade!.Value, stored.SubmittedAt!.Value, stored.DueDate!.Value));
        Assert.Null(stored.AssignedTo);
        var submit = Assert.Single(stored.Events);
        Assert.Equal(CaseTrigger.Submit, submit.Trigger);
        Assert.Equal(ParentA, submit.ActorId);

        var journal = Assert.Single(await db.JournalEntries.Where(j => j.CaseId == draft).ToListAsync());
        Assert.Equal(JournalEntryKind.Incoming, journal.Kind);
        Assert.Equal("Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole", journal.PublicTitle);
        Assert.Contains("Kari Nordmann", journal.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Kari", journal.PublicTitle, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Nordmann", journal.PublicTitle, StringComparison.OrdinalIgnoreCase);

        var mails = await db.OutboxMessages.Where(m => m.CaseId == draft).ToListAsync();
        Assert.Equal(["eva@example.no", "ola@example.no"], mails.Select(m => m.Recipient).Order());
        Assert.All(mails, m => Assert.Contains("2026/00001", m.Subject, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain("distrahert", m.Body, StringComparison.Ordinal));
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == "ApplicationSubmitted" && a.ObjectId == draft.ToString());
    }

    [Fact]
    public async Task A_Nynorsk_municipality_journals_the_application_in_Nynorsk()
    {
        await using var app = await CreateAsync("app_nynorsk");
        var draft = await app.StartAsync(municipality: "4647");
        await app.FillAsync(draft, school: NaustdalSkule);

        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var db = app.Db();
        var journal = await db.JournalEntries.SingleAsync(j => j.CaseId == draft);
        Assert.Equal("Søknad om skuleskyss – særleg farleg skuleveg – 2026/2027 – Naustdal skule", journal.PublicTitle);
        Assert.All(await db.OutboxMessages.Where(m => m.CaseId == draft).ToListAsync(), m => Assert.StartsWith("Vi har motteke søknaden om skuleskyss", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_that_occurs_in_the_title_makes_the_public_title_shorter_never_a_failure()
    {
        await using var app = await CreateAsync("app_title_names");
        var draft = await app.StartAsync();
        // A guardian whose surname is the school's name: the full title would name the family.
        await app.FillAsync(draft, guardians: [new("Kari Gimse", "kari@example.no", null, null, IsApplicant: true)]);

        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var db = app.Db();
        Assert.Equal("Søknad om skoleskyss – 2026/2027", (await db.JournalEntries.SingleAsync(j => j.CaseId == draft)).PublicTitle);
    }

    [Fact]
    public async Task Every_guardian_named_with_a_fodselsnummer_finds_the_case_in_Mine_saker()
    {
        await using var app = await CreateAsync("app_parties");
        var draft = await app.StartAsync();
        await app.FillAsync(draft, guardians:
        [
            new("Ola Hansen", "ola@example.no", null, null, IsApplicant: true),
            new("Eva Hansen", "eva@example.no", null, OtherGuardianNin, IsApplicant: false),
        ]);
        var submitted = ResultAssert.Ok(await app.SubmitAsync(draft));

        var other = app.PseudonymOf(OtherGuardianNin);
        var theirs = await app.ListAsync(other);
        Assert.Equal(submitted.CaseNumber, Assert.Single(theirs).CaseNumber);
        Assert.NotNull(await app.GetAsync(draft, other));

        // Submitting again adds nobody twice, and an unrelated parent still sees nothing.
        await app.SubmitAsync(draft);
        Assert.Single(await app.ListAsync(other));
        Assert.Empty(await app.ListAsync(ParentB));
    }

    [Fact]
    public async Task A_short_name_inside_an_ordinary_word_keeps_the_full_public_title()
    {
        await using var app = await CreateAsync("app_title_short");
        var draft = await app.StartAsync();
        await app.FillAsync(draft, guardians: [new("Wei Li", "wei@example.no", null, null, IsApplicant: true)]);

        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var db = app.Db();
        Assert.Equal("Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole", (await db.JournalEntries.SingleAsync(j => j.CaseId == draft)).PublicTitle);
    }

    [Theory]
    [InlineData(3, 4.1, true)]
    [InlineData(3, 4.0, false)]
    [InlineData(1, 2.1, true)]
    [InlineData(1, 2.0, false)]
    public async Task Submission_never_refers_on_the_guardians_estimate_beyond_the_limit_the_receipt_says_the_distance_will_be_checked(int grade, double distanceKm, bool beyond)
    {
        await using var app = await CreateAsync("app_distance");
        var draft = await app.StartAsync();
        await app.FillAsync(draft, distanceKm: (decimal)distanceKm, grade: grade);

        var result = ResultAssert.Ok(await app.SubmitAsync(draft));

        // Issue 11: the case goes to the caseworker, who confirms the distance and refers (Features/Referrals).
        Assert.Equal(CaseState.Submitted, result.State);
        await using var db = app.Db();
        var events = (await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == draft)).Events.OrderBy(e => e.Sequence).ToList();
        Assert.Equal([CaseTrigger.Submit], events.Select(e => e.Trigger));
        var receipt = (await db.OutboxMessages.FirstAsync(m => m.CaseId == draft)).Body;
        Assert.Equal(beyond, receipt.Contains("Kommunen kontrollerer avstanden", StringComparison.Ordinal));
        Assert.DoesNotContain("sendt videre", receipt, StringComparison.Ordinal);
        if (beyond)
        {
            Assert.Contains("fylkeskommunen", receipt, StringComparison.Ordinal);
            Assert.DoesNotContain("svar innen", receipt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submitting_twice_returns_the_same_case_number_and_creates_nothing_more()
    {
        await using var app = await CreateAsync("app_double");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);

        var first = ResultAssert.Ok(await app.SubmitAsync(draft));
        var second = ResultAssert.Ok(await app.SubmitAsync(draft));

        Assert.Equal(first.CaseNumber, second.CaseNumber);
        Assert.True(second.AlreadySubmitted);
        await using var db = app.Db();
        Assert.Single(await db.Cases.Where(c => c.CaseNumber != null).ToListAsync());
        Assert.Single((await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == draft)).Events);
        Assert.Single(await db.JournalEntries.ToListAsync());
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
        Assert.Equal(1, await db.CaseNumberSequences.Select(s => s.LastSequence).SingleAsync());
    }

    [Fact]
    public async Task Two_concurrent_submissions_of_one_case_never_give_two_numbers()
    {
        await using var app = await CreateAsync("app_concurrent");
        var drafts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var draft = await app.StartAsync();
            await app.FillAsync(draft);
            drafts.Add(draft);
        }

        foreach (var draft in drafts)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.SubmitAsync(draft))));

            var submitted = results.Where(r => r.IsOk).Select(r => r.Value).ToList();
            Assert.NotEmpty(submitted);
            Assert.All(results, r => Assert.True(r.IsOk || r.Failure is Failure.Conflict, r.ToString()));
            Assert.Single(submitted.Select(s => s.CaseNumber).Distinct());
        }

        await using var db = app.Db();
        var numbers = await db.Cases.Where(c => c.CaseNumber != null).Select(c => c.CaseNumber!).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 5), numbers.Select(n => n.Sequence).Order());
        Assert.Equal(5, await db.JournalEntries.CountAsync());
        Assert.Equal(10, await db.OutboxMessages.CountAsync());
        Assert.All(await db.Cases.Include(c => c.Events).ToListAsync(), c => Assert.Single(c.Events));
    }

    [Fact]
    public async Task Of_two_submissions_that_both_reach_the_number_allocation_one_wins_and_the_other_gets_its_number()
    {
        var rendezvous = new Rendezvous(2);
        await using var app = await CreateAsync("app_race", services =>
        {
            services.AddSingleton(rendezvous);
            services.AddScoped<CaseNumberAllocator>();
            services.AddScoped<ICaseNumberAllocator, RendezvousAllocator>();
        });
        var draft = await app.StartAsync();
        await app.FillAsync(draft);

        // Both have loaded the draft in their own transaction before either takes a number.
        var results = await Task.WhenAll(Task.Run(() => app.SubmitAsync(draft)), Task.Run(() => app.SubmitAsync(draft)));

        var submitted = results.Select(r => ResultAssert.Ok(r)).ToList();
        Assert.Equal("2026/00001", Assert.Single(submitted.Select(s => s.CaseNumber.ToString()).Distinct()));
        Assert.Single(submitted, s => s.AlreadySubmitted);
        await using var db = app.Db();
        Assert.Equal(1, await db.CaseNumberSequences.Select(s => s.LastSequence).SingleAsync()); // the loser's number 2 rolled back
        Assert.Single((await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == draft)).Events);
        Assert.Single(await db.JournalEntries.ToListAsync());
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Another_parent_cannot_reach_the_case_not_even_to_learn_that_it_exists()
    {
        await using var app = await CreateAsync("app_cross");
        var draft = await app.StartAsync(ParentA);
        await app.FillAsync(draft);
        var unknown = Guid.CreateVersion7();

        ResultAssert.Fails<Failure.NotFound>(await app.SaveAsync(draft, ValidChild(), ParentB));
        ResultAssert.Fails<Failure.NotFound>(await app.SubmitAsync(draft, ParentB));
        ResultAssert.Fails<Failure.NotFound>(await app.WithdrawAsync(draft, ParentB));
        Assert.Null(await app.GetAsync(draft, ParentB));
        Assert.Empty(await app.ListAsync(ParentB));

        // An id that does not exist gives the very same answers.
        ResultAssert.Fails<Failure.NotFound>(await app.SaveAsync(unknown, ValidChild(), ParentB));
        ResultAssert.Fails<Failure.NotFound>(await app.SubmitAsync(unknown, ParentB));
        ResultAssert.Fails<Failure.NotFound>(await app.WithdrawAsync(unknown, ParentB));
        Assert.Null(await app.GetAsync(unknown, ParentB));

        // Malformed pseudonyms (empty, a fødselsnummer) are nobody.
        ResultAssert.Fails<Failure.NotFound>(await app.SubmitAsync(draft, ""));
        ResultAssert.Fails<Failure.NotFound>(await app.SubmitAsync(draft, ChildNin));
        Assert.Null(await app.GetAsync(draft, ApplicantNin));

        // After submission still nothing for B; A sees it.
        ResultAssert.Ok(await app.SubmitAsync(draft, ParentA));
        ResultAssert.Fails<Failure.NotFound>(await app.SubmitAsync(draft, ParentB));
        ResultAssert.Fails<Failure.NotFound>(await app.WithdrawAsync(draft, ParentB));
        Assert.Null(await app.GetAsync(draft, ParentB));
        Assert.NotNull(await app.GetAsync(draft, ParentA));
        await using var db = app.Db();
        Assert.Equal(CaseState.Submitted, (await db.Cases.SingleAsync(c => c.Id == draft)).State);
    }

    [Fact]
    public async Task A_submitted_application_can_no_longer_be_edited()
    {
        await using var app = await CreateAsync("app_locked");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);
        await app.SubmitAsync(draft);

        var result = ResultAssert.Fails<Failure.Refused>(await app.SaveAsync(draft, ValidChild(grade: 4)));

        Assert.Equal("Søknaden er sendt og kan ikke endres.", result.Reason);
    }

    [Fact]
    public async Task A_guardian_withdraws_before_the_decision_but_not_after()
    {
        await using var app = await CreateAsync("app_withdraw");
        var early = await app.StartAsync();
        await app.FillAsync(early);
        await app.SubmitAsync(early);
        var late = await app.StartAsync();
        await app.FillAsync(late);
        await app.SubmitAsync(late);
        await using (var db = app.Db())
        {
            var decided = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == late);
            var caseworker = new CaseActor("7f4c6a55-0000-4000-8000-000000000001", CaseActorRole.Caseworker);
            Assert.True(decided.Apply(CaseTrigger.StartAssessment, caseworker, Now).Succeeded);
            Assert.True(decided.Apply(CaseTrigger.Decide, caseworker, Now, rulebookVersion: "5028/v1").Succeeded);
            await db.SaveChangesAsync();
        }

        var withdrawn = ResultAssert.Ok(await app.WithdrawAsync(early));
        var refused = ResultAssert.Fails<Failure.Refused>(await app.WithdrawAsync(late));

        Assert.Equal(CaseState.Withdrawn, withdrawn.State);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        await using var read = app.Db();
        Assert.Equal(CaseState.Decided, (await read.Cases.SingleAsync(c => c.Id == late)).State);
        Assert.Equal(2, await read.JournalEntries.CountAsync(j => j.CaseId == early));
        Assert.False((await app.GetAsync(early))!.CanWithdraw);
    }

    [Fact]
    public async Task Mine_saker_lists_only_the_cases_where_one_is_a_party()
    {
        await using var app = await CreateAsync("app_mine");
        var a1 = await app.StartAsync(ParentA);
        await app.FillAsync(a1, ParentA);
        await app.SubmitAsync(a1, ParentA);
        var a2 = await app.StartAsync(ParentA);
        var b1 = await app.StartAsync(ParentB);

        var mine = await app.ListAsync(ParentA);
        var theirs = await app.ListAsync(ParentB);

        Assert.Equal(new[] { a1, a2 }.Order(), mine.Select(c => c.CaseId).Order());
        Assert.Equal([b1], theirs.Select(c => c.CaseId));
        var submitted = mine.Single(c => c.CaseId == a1);
        Assert.Equal("2026/00001", submitted.CaseNumber!.ToString());
        Assert.Equal(CaseState.Submitted, submitted.State);
        Assert.Equal("Gimse skole", submitted.SchoolName);
        Assert.Equal("Kari", submitted.ChildFirstName);
        Assert.Equal(Now, submitted.SubmittedAt);
        var draft = mine.Single(c => c.CaseId == a2);
        Assert.Null(draft.CaseNumber);
        Assert.Equal(CaseState.Draft, draft.State);

        var details = (await app.GetAsync(a1, ParentA))!;
        Assert.True(details.IsApplicant);
        Assert.True(details.CanWithdraw);
        Assert.Equal([CaseTrigger.Submit], details.Timeline.Select(e => e.Trigger));
        Assert.Equal(ChildNin, details.Application.Child!.NationalIdentityNumber);
        Assert.Equal(ApplicantNin, details.Application.Guardians.Single(g => g.IsApplicant).NationalIdentityNumber);
    }

    [Fact]
    public async Task No_fødselsnummer_appears_in_mail_events_journal_titles_or_audit()
    {
        await using var app = await CreateAsync("app_nin");
        var draft = await app.StartAsync();
        await app.FillAsync(draft, distanceKm: 4.5m);
        await app.SubmitAsync(draft);
        await app.GetAsync(draft);

        await using var db = app.Db();
        string[] numbers = [ChildNin, ApplicantNin, OtherGuardianNin, "150317", "010185", "020286"];
        var mails = await db.OutboxMessages.ToListAsync();
        Assert.NotEmpty(mails);
        var texts = mails.SelectMany(m => new[] { m.Subject, m.Body })
            .Concat((await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == draft)).Events.SelectMany(e => new[] { e.ActorId, e.Reason ?? string.Empty, e.RulebookVersion ?? string.Empty }))
            .Concat((await db.JournalEntries.ToListAsync()).SelectMany(j => new[] { j.PublicTitle, j.Title }))
            .Concat((await db.AuditEvents.ToListAsync()).SelectMany(a => new[] { a.ActorId, a.ObjectId ?? string.Empty, a.Action }))
            .ToList();
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(texts, t => t.Contains(number, StringComparison.Ordinal));
        }
    }

    /// <summary>Lets each submission through to the real allocator only when all of them have got that far.</summary>
    private sealed class Rendezvous(int parties)
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref arrived) >= parties)
            {
                all.TrySetResult();
            }

            return all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    private sealed class RendezvousAllocator(CaseNumberAllocator inner, Rendezvous rendezvous) : ICaseNumberAllocator
    {
        public async Task<CaseNumber> NextAsync(string municipalityNumber, int year, CancellationToken cancellationToken)
        {
            await rendezvous.ArriveAsync();
            return await inner.NextAsync(municipalityNumber, year, cancellationToken);
        }
    }
}
