using System.Text;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Renders docs/case-states.md from <see cref="CaseTransitions"/>: intro, Mermaid diagram, states, transitions.</summary>
internal static class CaseStatesDocument
{
    public const string RelativePath = "docs/case-states.md";

    private static readonly Dictionary<CaseState, string> StateMeanings = new()
    {
        [CaseState.Draft] = "The guardian is filling in the application. Nothing is journaled; a draft is discarded, not withdrawn.",
        [CaseState.Submitted] = "Received, journaled and numbered (e.g. 2026/00042); waiting for a caseworker.",
        [CaseState.InAssessment] = "A caseworker clarifies the case (fvl. § 17): objective and subjective assessment, site inspection.",
        [CaseState.AwaitingInformation] = "The caseworker has asked the guardian for more information and waits for the reply.",
        [CaseState.Decided] = "An enkeltvedtak stands: the initial decision, a first-instance reversal or a dismissal of a late appeal. It can be appealed, changed by a new decision (fvl. § 35) or closed, never edited.",
        [CaseState.AppealReceived] = "An appeal is registered, in time or late (fvl. §§ 28–32).",
        [CaseState.FirstInstanceReview] = "The municipality reviews the appeal as first instance (fvl. § 33).",
        [CaseState.ForwardedToAppealBody] = "Upheld and forwarded along the municipality's appeal chain (e.g. committee, then Statsforvalteren).",
        [CaseState.AppealDecided] = "The final appeal body upheld, reversed or dismissed; this cannot be appealed (fvl. § 28 third paragraph).",
        [CaseState.Closed] = "Finished and archived. Final.",
        [CaseState.Withdrawn] = "The guardian withdrew the application before it was decided. Final.",
        [CaseState.ReferredToCounty] = "Beyond 2 km (grade 1) / 4 km (grades 2–10): distance transport is the county's business (opplæringslova § 4-1 first paragraph).",
    };

    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("""
            # Case states

            <!-- Generated from src/SkoleskyssSak.Domain/Cases/CaseTransitions.cs by
                 tests/SkoleskyssSak.Domain.Tests/Cases/CaseStatesDocumentTests.cs. Do not edit by hand: change the
                 table, then run `UPDATE_DOCS=1 dotnet test tests/SkoleskyssSak.Domain.Tests`. -->

            A case (*sak*) is one application for free school transport on a particularly dangerous or difficult route
            (opplæringslova § 4-1 second paragraph) for one pupil. It starts as the guardian's draft, is submitted and
            numbered, assessed by a caseworker (who may ask the guardian for more information), and ends in an
            enkeltvedtak. The decision can be appealed: the municipality reviews it first and either reverses it (a new
            decision, itself appealable) or upholds it and forwards the case along its appeal chain to the appeal body,
            whose decision upholds, reverses or dismisses (final), or quashes and sends the case back to the
            municipality for new treatment. An application can be withdrawn until it is decided; a distance beyond
            2/4 km is referred to the county. The transitions below, held as data in `CaseTransitions`, are the only way
            a case changes state; `SchoolTransportCase.Apply` refuses anything else (409 Conflict from the wrong state,
            403 Forbidden for the wrong role, 400 when a required reason or rulebook version is missing) and appends one
            `CaseEvent` (who, when, from, to, trigger, reason, rulebook version) for every change.

            ```mermaid
            stateDiagram-v2

            """);
        md.Append("    [*] --> ").Append(nameof(CaseState.Draft)).Append('\n');
        foreach (var edge in CaseTransitions.All.GroupBy(t => (t.From, t.To)))
        {
            md.Append("    ").Append(edge.Key.From).Append(" --> ").Append(edge.Key.To)
                .Append(" : ").Append(string.Join(", ", edge.Select(t => t.Trigger))).Append('\n');
        }

        foreach (var final in Enum.GetValues<CaseState>().Where(s => !CaseTransitions.From(s).Any()))
        {
            md.Append("    ").Append(final).Append(" --> [*]\n");
        }

        md.Append("```\n\n## States\n\n| State | Meaning |\n|---|---|\n");
        foreach (var state in Enum.GetValues<CaseState>())
        {
            md.Append("| `").Append(state).Append("` | ").Append(StateMeanings[state]).Append(" |\n");
        }

        md.Append("""

            ## Transitions

            One row per permitted transition; for a given state and trigger there is exactly one row. *Who*: the roles
            that may take the step (`System` is a background job or an automatic consequence of another step).
            *Requires*: what the actor must give besides the step itself.

            | From | Trigger | To | Who | Legal reference | Requires | Meaning |
            |---|---|---|---|---|---|---|

            """);
        foreach (var t in CaseTransitions.All)
        {
            var requires = new List<string>();
            if (t.ReasonRequired)
            {
                requires.Add("reason");
            }

            if (t.RulebookVersionRequired)
            {
                requires.Add("rulebook version");
            }

            md.Append("| `").Append(t.From).Append("` | `").Append(t.Trigger).Append("` | `").Append(t.To).Append("` | ")
                .Append(string.Join(", ", t.Roles)).Append(" | ").Append(t.LegalReference).Append(" | ")
                .Append(requires.Count == 0 ? "–" : string.Join(", ", requires)).Append(" | ")
                .Append(t.Description).Append(" |\n");
        }

        return md.ToString();
    }
}
