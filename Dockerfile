# syntax=docker/dockerfile:1
#
# SkoleskyssSak web app. Build with the .NET 10 SDK; run on Debian 12 with Debian's Chromium for PDF letters.
#
# The official .NET 10 runtime images are Ubuntu 24.04 only, and Ubuntu's `chromium` package is a snap stub
# that does not work in a container. So the runtime stage is debian:bookworm-slim (the same Debian and Chromium
# as the development machines) with the ASP.NET Core runtime copied from the official aspnet image.
# See docs/operations.md, section "Docker (optional)".

ARG DOTNET_VERSION=10.0

# ---- build -------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore from the project files alone, so this layer is reused until a package or project reference changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SkoleskyssSak.Domain/SkoleskyssSak.Domain.csproj                 src/SkoleskyssSak.Domain/
COPY src/SkoleskyssSak.Application/SkoleskyssSak.Application.csproj       src/SkoleskyssSak.Application/
COPY src/SkoleskyssSak.Infrastructure/SkoleskyssSak.Infrastructure.csproj src/SkoleskyssSak.Infrastructure/
COPY src/SkoleskyssSak.Web/SkoleskyssSak.Web.csproj                       src/SkoleskyssSak.Web/
# Restored as Release, the configuration it is published in: in Release the Web project does not reference the
# development-only SkoleskyssSak.LocalPostgres (docs/architecture.md), whose project file is not copied here.
RUN dotnet restore src/SkoleskyssSak.Web/SkoleskyssSak.Web.csproj -p:Configuration=Release

COPY src/ src/
# Framework-dependent output; Microsoft.Playwright copies its driver (.playwright/) for the build platform.
RUN dotnet publish src/SkoleskyssSak.Web/SkoleskyssSak.Web.csproj \
        --configuration Release --no-restore --output /app -p:UseAppHost=false

# ---- the .NET runtime, taken from the official image ---------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS dotnet

# ---- runtime -----------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
ENV DEBIAN_FRONTEND=noninteractive

# .NET runtime libraries (Debian 12 names of the official runtime-deps list), Chromium and fonts for PDF letters,
# qpdf for bundles, curl for the health check, tini as PID 1 (reaps Chromium's children).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
        chromium fonts-liberation qpdf \
        curl tini \
 && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --system --gid 1654 app \
 && useradd --system --uid 1654 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app

# The app's files stay owned by root (read-only for the app user); the app writes nothing to its folder.
WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_URLS=http://+:8080 \
    Pdf__ChromiumPath=/usr/lib/chromium/chromium \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1

USER 1654:1654
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["/usr/bin/tini", "--", "dotnet", "SkoleskyssSak.Web.dll"]
