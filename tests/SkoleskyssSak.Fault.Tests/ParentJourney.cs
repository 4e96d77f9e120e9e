using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Fault.Tests;

/// <summary>A synthetic parent (guardian and applicant) and the child the søknad is for; identified in messages by <see cref="Index"/> only.</summary>
internal sealed record Parent(int Index, string NationalIdentityNumber, string Name, string ChildNationalIdentityNumber);

/// <summary>What a parent saw: the receipt (case id and number) or why there was none.</summary>
internal sealed record Outcome(Parent Parent, Guid? CaseId, string? CaseNumber, string? Failure, int Retries, int FinalStepPosts);

/// <summary>What all parents of a run share: counters the fault driver watches, and the transient errors seen.</summary>
internal sealed class SubmissionRun
{
    private int acknowledged;
    private int answered;
    private int finalPostsInFlight;
    private int transientErrors;
    private int serverErrors;
    private int lostAnswers;

    public int Acknowledged => Volatile.Read(ref acknowledged);

    public int FinalPostsInFlight => Volatile.Read(ref finalPostsInFlight);

    /// <summary>Final POSTs whose redirect to the receipt reached the parent (one per parent at most).</summary>
    public int Answered => Volatile.Read(ref answered);

    /// <summary>Connection refused or reset, timeouts: what a browser shows as "cannot reach the site".</summary>
    public int TransientErrors => Volatile.Read(ref transientErrors);

    /// <summary>5xx answers (the database away, typically), each followed by a retry.</summary>
    public int ServerErrors => Volatile.Read(ref serverErrors);

    public void CountAcknowledged() => Interlocked.Increment(ref acknowledged);

    public void CountAnswered() => Interlocked.Increment(ref answered);

    public void FinalPostStarted() => Interlocked.Increment(ref finalPostsInFlight);

    public void FinalPostEnded() => Interlocked.Decrement(ref finalPostsInFlight);

    public void CountTransient() => Interlocked.Increment(ref transientErrors);

    public void CountServerError() => Interlocked.Increment(ref serverErrors);

    public void CountLostAnswer() => Interlocked.Increment(ref lostAnswers);

    /// <summary>Answers to "Send søknad" the parents dropped on purpose (every third parent's first).</summary>
    public int LostAnswers => Volatile.Read(ref lostAnswers);

    /// <summary>Waits until at least <paramref name="acknowledgedAtLeast"/> receipts were seen and a final "Send søknad" POST is in flight.</summary>
    public async Task WaitForSubmissionsInFlightAsync(int acknowledgedAtLeast, CancellationToken cancellationToken)
    {
        while (Acknowledged < acknowledgedAtLeast || FinalPostsInFlight == 0)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The fault was never injected: {Acknowledged} receipts (waiting for {acknowledgedAtLeast}) and {FinalPostsInFlight} final posts in flight when time ran out.");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}

/// <summary>
/// One parent through the real pages over HTTP with cookies, as a browser without JavaScript: TestID sign-in, start a
/// søknad in Melhus, every step, "Send søknad", the receipt. Like a real user, the parent retries what failed to
/// connect or answered 5xx (reload the page and post again), and re-POSTs the final step itself: the app must then give
/// the same receipt. Every third parent loses the first answer to "Send søknad" and sends again. Anything else
/// unexpected ends the journey with a failure.
/// </summary>
internal sealed partial class ParentJourney(Parent parent, Uri baseAddress, SubmissionRun run, CancellationToken stop)
{
    private const string Melhus = "5028";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(300);
    private int retries;
    private int finalStepPosts;
    private string step = "start";

    public async Task<Outcome> RunAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var client = new PageClient(http);
        Guid? caseId = null;
        try
        {
            await SignInAsync(client);
            caseId = await StartAsync(client);
            var caseNumber = await FillAndSubmitAsync(client, caseId.Value);
            return new Outcome(parent, caseId, caseNumber, null, retries, finalStepPosts);
        }
        catch (JourneyFailure failure)
        {
            return new Outcome(parent, caseId, null, failure.Message, retries, finalStepPosts);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return new Outcome(parent, caseId, null, $"no receipt before the time limit (at {step}, {retries} retries)", retries, finalStepPosts);
        }
    }

    private Task<bool> SignInAsync(PageClient client) => RetryAsync("TestID sign-in", async () =>
    {
        var (get, testId) = await client.GetAsync("/innlogging/testid");
        Expect(get, HttpStatusCode.OK, testId, "GET /innlogging/testid");
        var (post, result) = await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = parent.NationalIdentityNumber,
            ["Input.Name"] = parent.Name,
        });
        Expect(post, HttpStatusCode.Redirect, result, "POST /innlogging/testid");
        return true;
    });

    private Task<Guid> StartAsync(PageClient client) => RetryAsync("start", async () =>
    {
        var (get, soknad) = await client.GetAsync("/soknad");
        Expect(get, HttpStatusCode.OK, soknad, "GET /soknad");
        var (post, result) = await client.SubmitAsync(soknad, "main form", new Dictionary<string, string> { ["Kommune"] = Melhus });
        Expect(post, HttpStatusCode.Redirect, result, "POST /soknad");
        var match = StepUrlPattern().Match(post.Headers.Location!.OriginalString);
        return match.Success ? Guid.Parse(match.Groups["id"].Value) : throw new JourneyFailure($"POST /soknad redirected to {post.Headers.Location}");
    });

    private async Task<string> FillAndSubmitAsync(PageClient client, Guid caseId)
    {
        var baseUrl = $"/soknad/{caseId}";
        await StepAsync(client, $"{baseUrl}/barn?kommune={Melhus}", "main form", barn => new Dictionary<string, string>
        {
            ["Input.Name"] = $"Barn Feiltest {parent.Index}",
            ["Input.NationalIdentityNumber"] = parent.ChildNationalIdentityNumber,
            ["Input.Grade"] = "3",
            ["Input.SchoolId"] = barn.QuerySelectorAll("#Input_SchoolId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!,
        }, $"{baseUrl}/foresatte");
        await StepAsync(client, $"{baseUrl}/foresatte?kommune={Melhus}", "main form", _ => new Dictionary<string, string>
        {
            ["Input.ApplicantEmail"] = $"forelder{parent.Index}@example.no",
            ["Input.OtherName"] = string.Empty,
            ["Input.OtherPhone"] = string.Empty,
            ["Input.OtherNationalIdentityNumber"] = string.Empty,
        }, $"{baseUrl}/hjem");
        await StepAsync(client, $"{baseUrl}/hjem?kommune={Melhus}", "main form", _ => new Dictionary<string, string>
        {
            ["Input.Homes[0].Address"] = "Storvegen 1",
            ["Input.Homes[0].PostalCode"] = "7224",
            ["Input.Homes[0].Place"] = "Melhus",
            ["Input.Homes[0].WalkingDistanceKm"] = "1,5",
        }, $"{baseUrl}/skoleveg");
        await StepAsync(client, $"{baseUrl}/skoleveg?kommune={Melhus}", "form.route-form", skoleveg => new Dictionary<string, string>
        {
            ["Input.Legs[0].Kind"] = "along",
            ["Input.Legs[0].RoadCategory"] = skoleveg.QuerySelectorAll("select[name='Input.Legs[0].RoadCategory'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!,
            ["Input.Legs[0].SpeedLimit"] = "60",
            ["Input.Legs[0].Aadt"] = "3000",
        }, $"{baseUrl}/begrunnelse", formAction: $"{baseUrl}/skoleveg?kommune={Melhus}");
        await StepAsync(client, $"{baseUrl}/begrunnelse?kommune={Melhus}", "main form", _ => new Dictionary<string, string>
        {
            ["Input.Text"] = "Ingen fortau og mye tungtrafikk.",
            ["Input.Period"] = "WholeSchoolYear",
        }, $"{baseUrl}/vedlegg");

        var kontroller = await RetryAsync("GET kontroller", async () =>
        {
            var (get, page) = await client.GetAsync($"{baseUrl}/kontroller?kommune={Melhus}");
            Expect(get, HttpStatusCode.OK, page, "GET kontroller");
            return page;
        });

        // "Send søknad", posted again (the same form) as long as the post does not come back, as a user would.
        string receiptUrl;
        step = "POST kontroller";
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            finalStepPosts++;
            run.FinalPostStarted();
            try
            {
                var (post, result) = await client.SubmitAsync(kontroller, "main form", new Dictionary<string, string> { ["DeclarationAccepted"] = "true" });
                if ((int)post.StatusCode >= 500)
                {
                    run.CountServerError();
                }
                else if (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.StartsWith($"{baseUrl}/kvittering", StringComparison.Ordinal)
                    && finalStepPosts == 1 && parent.Index % 3 == 0)
                {
                    // The answer lost on the way back (the network dropped, the tab was closed): the case is committed but
                    // the parent does not know it and sends again. Every third parent, so that the path is always taken,
                    // not only when a kill happens to fall between the commit and the answer.
                    run.CountLostAnswer();
                }
                else if (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.StartsWith($"{baseUrl}/kvittering", StringComparison.Ordinal))
                {
                    receiptUrl = post.Headers.Location.OriginalString;
                    run.CountAnswered();
                    break;
                }
                else
                {
                    throw new JourneyFailure($"POST kontroller: {(int)post.StatusCode} {Describe(result)}");
                }
            }
            catch (Exception e) when (IsTransient(e))
            {
                run.CountTransient();
            }
            finally
            {
                run.FinalPostEnded();
            }

            retries++;
            await Task.Delay(RetryDelay, stop);
        }

        var caseNumber = await RetryAsync("GET kvittering", async () =>
        {
            var (get, receipt) = await client.GetAsync(receiptUrl);
            Expect(get, HttpStatusCode.OK, receipt, "GET kvittering");
            return receipt.QuerySelector("#case-number")?.TextContent.Trim() is { Length: > 0 } number
                ? number
                : throw new JourneyFailure("the receipt shows no case number");
        });
        run.CountAcknowledged();
        return caseNumber;
    }

    /// <summary>GET a step's page, fill its form, POST it; it must redirect to the next step.</summary>
    private Task<bool> StepAsync(PageClient client, string url, string form, Func<IDocument, Dictionary<string, string>> values, string expectedNext, string? formAction = null) =>
        RetryAsync(url, async () =>
        {
            var (get, page) = await client.GetAsync(url);
            Expect(get, HttpStatusCode.OK, page, $"GET {url}");
            var (post, result) = await client.SubmitAsync(page, form, values(page), formAction);
            Expect(post, HttpStatusCode.Redirect, result, $"POST {url}");
            return post.Headers.Location!.OriginalString.StartsWith(expectedNext, StringComparison.Ordinal)
                ? true
                : throw new JourneyFailure($"POST {url} redirected to {post.Headers.Location}, not {expectedNext}");
        });

    private async Task<T> RetryAsync<T>(string what, Func<Task<T>> attempt)
    {
        step = what;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                return await attempt();
            }
            catch (ServerError)
            {
                run.CountServerError();
            }
            catch (Exception e) when (IsTransient(e))
            {
                run.CountTransient();
            }

            retries++;
            await Task.Delay(RetryDelay, stop);
        }
    }

    /// <summary>A 5xx is retried (and counted); any other status than the expected one ends the journey.</summary>
    private static void Expect(HttpResponseMessage response, HttpStatusCode expected, IDocument page, string what)
    {
        if ((int)response.StatusCode >= 500)
        {
            throw new ServerError();
        }

        if (response.StatusCode != expected)
        {
            throw new JourneyFailure($"{what}: {(int)response.StatusCode} (expected {(int)expected}) {Describe(page)}");
        }
    }

    private static string Describe(IDocument page) =>
        (page.QuerySelector(".ds-error-summary") ?? page.QuerySelector("main"))?.TextContent.Trim() is { } text ? text[..Math.Min(300, text.Length)] : string.Empty;

    /// <summary>Cannot connect, connection reset mid-request, no answer in time: the app is gone or restarting.</summary>
    private bool IsTransient(Exception e) =>
        e is HttpRequestException or IOException || (e is TaskCanceledException && !stop.IsCancellationRequested);

    [GeneratedRegex(@"^/soknad/(?<id>[0-9a-f-]{36})/barn\?kommune=(?<kommune>\d{4})$")]
    private static partial Regex StepUrlPattern();

    private sealed class ServerError : Exception;
}

/// <summary>An answer no retry can mend (a validation message, a 404, a redirect elsewhere): the parent is stuck.</summary>
internal sealed class JourneyFailure(string message) : Exception(message);
