# The two set-up commands of README.md. Both work on a fresh Debian 12 machine with the .NET 10 SDK.
.PHONY: run test prerequisites build db-stop

# Installs what is missing (apt: chromium, fonts-liberation, qpdf, postgresql; npm: axe-core),
# then runs the app on demo data with a local PostgreSQL it provisions in .data/postgres.
run: prerequisites
	ASPNETCORE_ENVIRONMENT=$${ASPNETCORE_ENVIRONMENT:-Development} \
	ASPNETCORE_URLS=$${ASPNETCORE_URLS:-http://localhost:5080} \
	dotnet run --project src/SkoleskyssSak.Web --no-launch-profile

# Installs the same prerequisites and runs every test (unit, integration against PostgreSQL, browser).
test: prerequisites
	bash scripts/test.sh

prerequisites:
	bash scripts/install-prerequisites.sh

build:
	dotnet build SkoleskyssSak.sln

# Stops the local development PostgreSQL started by `make run` (it is reused, so it keeps running).
db-stop:
	runuser -u postgres -- $$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D .data/postgres/data -m fast stop
