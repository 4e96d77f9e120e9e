using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Issue 13 (ADR 0005): the hand-written migrations before this one create the schema; from here on EF Core's own
/// tooling adds migrations (<c>dotnet ef migrations add</c>, docs/operations.md). This baseline changes nothing: it
/// carries the first model snapshot (<see cref="AppDbContextModelSnapshot"/>, and the target model in its designer
/// file), so that the next <c>migrations add</c> compares with the model as the hand-written migrations left it.
/// Existing databases apply it as a no-op.
/// </summary>
public partial class Baseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Nothing: the schema is the one the migrations up to 20261208109000_SignInSessionProviderSession created.
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Nothing to undo.
    }
}
