// Generated fakes: random values in each provider's format (valid CRC32 where the format has one).
// Never issued by any provider.
#include "checks/tokens/samples.hpp"

#include <array>
#include <string_view>

namespace handoff::tokens {

namespace {
using namespace std::string_view_literals;
constexpr std::array<std::string_view, 1> k_age_secret_key_hits = {
    "AGE_KEY=AGE-SECRET-KEY-14SFHH4PWN8R6KN9T8PV5Q0NN6EDAH60RSH3CWDFMRCP4EHX6U4R8TRJ5DQ"sv,
};
constexpr std::array<std::string_view, 1> k_age_secret_key_misses = {
    "AGE-SECRET-KEY-1XXXXXXXX"sv,
};
constexpr std::array<std::string_view, 1> k_airtable_token_hits = {
    "AIRTABLE_TOKEN=patv1Ib8pp1xxXHU0.d142880e8427abeec12975fd55911ea2cbd390b656a4d2bad821df997d529975"sv,
};
constexpr std::array<std::string_view, 2> k_airtable_token_misses = {
    "path: pattern.txt"sv,
    "AIRTABLE_TOKEN=patXXXXXXXXXXXXXX.0000"sv,
};
constexpr std::array<std::string_view, 2> k_anthropic_api_key_hits = {
    "ANTHROPIC_API_KEY=sk-ant-api03-3XVy27dFanUrOSE62chn4xdeJg1Kza5KxxGWfvmaQtKnP_VSGVBrYSuIb9OZiFZ3HLKv797TPNbpjava1bMZwIMlvdp5gAA"sv,
    "admin: sk-ant-admin01-jTrD8Osj_LnZ5R-j_8U_m7aSz7NRSOtv75y4SXvE9rwLbAtf6e9cpCGybY9lMR4pAwBp3GVy1PixOqoRGrB5Vpg5C6QsyAA"sv,
};
constexpr std::array<std::string_view, 2> k_anthropic_api_key_misses = {
    "ANTHROPIC_API_KEY=sk-ant-..."sv,
    "sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"sv,
};
constexpr std::array<std::string_view, 2> k_aws_access_key_hits = {
    "aws_access_key_id = AKIAQZMJCIZ5S2VEAD4B"sv,
    "id: ASIAYB3CUA2ZBB7A4ODU"sv,
};
constexpr std::array<std::string_view, 2> k_aws_access_key_misses = {
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"sv,
    "AKIA1234"sv,
};
constexpr std::array<std::string_view, 2> k_aws_secret_key_hits = {
    "aws_secret_access_key = FfqRgz7IhYePP2lny2pg17+dUM2jNKogorTAuRVp"sv,
    "AWS_SECRET_ACCESS_KEY=Q09oiVeZWJ9QyucS19AvMp2gUAeSsUfFgUl8oPK+"sv,
};
constexpr std::array<std::string_view, 2> k_aws_secret_key_misses = {
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"sv,
    "aws_secret_access_key = ${AWS_SECRET}"sv,
};
constexpr std::array<std::string_view, 1> k_aws_session_token_hits = {
    "aws_session_token = IQoJb3JpZ2luX2VjHJN45P/ED75cNRqsKz5b70CO8W7RQHy2Yp+ptzsJqLOJqu3g9DYpQaxEN+cNljiRkV71kDRuIr2jhTxs+OHKDpnJh/rgiOaPq/N9RtlnnudSkpmKog0Qwp/vaQcT7xl2cwC6dT0ctPVnaawqrczLJWImKMG4hEbuUVDPDR/m0k5iqkwUONAIifEcLav+q5ZvQmLL8ZrF8w50SR2Qugs4lIFVRdxtDyKUOtfZUTqr8aFvnKbnHFbDfj3u+ypO09RnKw1zW9/ohP46PbmT1TOkzfR1wKbPXTXx8TTx4XUMGmTt"sv,
};
constexpr std::array<std::string_view, 1> k_aws_session_token_misses = {
    "aws_session_token = IQoJb3JpZ2luX2Vj..."sv,
};
constexpr std::array<std::string_view, 1> k_azure_ad_client_secret_hits = {
    "AZURE_CLIENT_SECRET=Wcb8Q~6y-_xI25MTL3xzfMg5lJYj_loHI3Y-hc1O"sv,
};
constexpr std::array<std::string_view, 1> k_azure_ad_client_secret_misses = {
    "client_secret: 8Q~short"sv,
};
constexpr std::array<std::string_view, 1> k_azure_devops_pat_hits = {
    "AZDO_PAT=HlwF5SEvPMZUIKK6Q4O5W3zCVFBZSntMY467o6hHdeHHwJwRJvreJQQJ99BBACuENsrgDUAZDOIvMA"sv,
};
constexpr std::array<std::string_view, 1> k_azure_devops_pat_misses = {
    "JQQJ99"sv,
};
constexpr std::array<std::string_view, 2> k_azure_openai_key_hits = {
    "AZURE_OPENAI_API_KEY=ZCQLzPdaWq33w5bqyhPzDalfDsnqdVtx8qRuzg1ODn5N5LBS9QN3JQQJ99BHACVJwnhXJ3w3AAAMACOG054L"sv,
    "AOAI_KEY=c17fd04d5014995756e61d6b91cda411"sv,
};
constexpr std::array<std::string_view, 2> k_azure_openai_key_misses = {
    "AOAI_KEY=changeme"sv,
    "AOAI_KEY=%AOAI_KEY%"sv,
};
constexpr std::array<std::string_view, 1> k_cohere_api_key_hits = {
    "COHERE_API_KEY=AEHBW44peEcu8hj28iHoTyXPojkU1ziGrWzY786O"sv,
};
constexpr std::array<std::string_view, 2> k_cohere_api_key_misses = {
    "COHERE_API_KEY=********"sv,
    "COHERE_API_KEY="sv,
};
constexpr std::array<std::string_view, 1> k_databricks_token_hits = {
    "DATABRICKS_TOKEN=dapi0b90a16be3388e7f14697f0603577aa6"sv,
};
constexpr std::array<std::string_view, 1> k_databricks_token_misses = {
    "dapi00000000000000000000000000000000"sv,
};
constexpr std::array<std::string_view, 1> k_deepseek_api_key_hits = {
    "client = OpenAI(api_key='sk-c55e0d19d3572186e5761b1524bf0b09', base_url='https://api.deepseek.com')"sv,
};
constexpr std::array<std::string_view, 2> k_deepseek_api_key_misses = {
    "task-47c5eba021711473613ef6c2e0ef82b1"sv,
    "DEEPSEEK_API_KEY=YOUR_API_KEY"sv,
};
constexpr std::array<std::string_view, 1> k_digitalocean_token_hits = {
    "DO_TOKEN=dop_v1_5fc467fe93e81dd58a0c1f9a51bb5d9fb33fdebd0bd6ba93e3c411a056d753e3"sv,
};
constexpr std::array<std::string_view, 1> k_digitalocean_token_misses = {
    "DO_TOKEN=dop_v1_xxxx"sv,
};
constexpr std::array<std::string_view, 1> k_discord_bot_token_hits = {
    "DISCORD_TOKEN=ODQzMzYzNjg2NDc0NTQ3Mjc0.GDaD3v.SS1Mmn7qOiqh1yudML66YbgqaD7XBPgUbqr2Rb"sv,
};
constexpr std::array<std::string_view, 1> k_discord_bot_token_misses = {
    "DISCORD_BOT_TOKEN=test"sv,
};
constexpr std::array<std::string_view, 1> k_discord_webhook_url_hits = {
    "url: https://discord.com/api/webhooks/8929652764000926980/27WH77hBlyqz_9PNldsWhXK64VtGHZA2PQLUD_W1nW4kGeJ_ky88BV8_luteLKWMFmkk"sv,
};
constexpr std::array<std::string_view, 1> k_discord_webhook_url_misses = {
    "url: https://discord.com/api/webhooks/123/abc"sv,
};
constexpr std::array<std::string_view, 1> k_docker_config_auth_hits = {
    "\"auth\": \"Y2ktYm90OklDQjdsYXZmV1gqVEtUaVZR\""sv,
};
constexpr std::array<std::string_view, 2> k_docker_config_auth_misses = {
    "\"auth\": \"\""sv,
    "\"auth\": \"bm9jb2xvbg==\""sv,
};
constexpr std::array<std::string_view, 1> k_doppler_token_hits = {
    "DOPPLER_TOKEN=dp.st.prd.7CDUijlSq2DBPxg3zTXD09lq9oC26U6j6mfVGMIQ"sv,
};
constexpr std::array<std::string_view, 1> k_doppler_token_misses = {
    "DOPPLER_TOKEN=dp.st.xxxx"sv,
};
constexpr std::array<std::string_view, 1> k_figma_token_hits = {
    "FIGMA_TOKEN=figd_c_Y3oLOr0GlsP5S-KXv5Zzjhe3p1g1aKfux6fX1L"sv,
};
constexpr std::array<std::string_view, 1> k_figma_token_misses = {
    "figd_"sv,
};
constexpr std::array<std::string_view, 3> k_generic_secret_hits = {
    "DB_PASSWORD=b=d4u2dDGqt%1NvV-eIW"sv,
    "\"SigningKey\": \"0gvgIJIbNxpmaIebhVuG3LE37L6ClNsHAi7s7nCBm5gd6UDRjRileicO97Z5kARE\""sv,
    "password = n+%c#kKd2Lq1D595WX_j_j"sv,
};
constexpr std::array<std::string_view, 5> k_generic_secret_misses = {
    "DB_PASSWORD=${DB_PASSWORD}"sv,
    "API_KEY=your-api-key-here"sv,
    "cache_key = 'a4e5d4697ea93ff69b5257313aee99add6cd71b8'"sv,
    "token: handleAuthToken"sv,
    "password: changeme123"sv,
};
constexpr std::array<std::string_view, 3> k_github_token_hits = {
    "GH_TOKEN: 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"sv,
    "token: ghs_wEPefKSvAwubkFG8HiBYz1XJdm0UdX4BQYNw"sv,
    "GITHUB_PAT=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"sv,
};
constexpr std::array<std::string_view, 3> k_github_token_misses = {
    "BAD = \"ghp_uYMyjXihWkURXxugPiMC8V6V18CXGS1inafD\""sv,
    "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"sv,
    "export GITHUB_TOKEN=\"github_pat_XXXXXXXXXXXXXXXX\""sv,
};
constexpr std::array<std::string_view, 2> k_gitlab_token_hits = {
    "GITLAB_TOKEN=glpat-IRlNmbh-_3UHdgBDJppk"sv,
    "token: glpat-FEZciCQP00U87juJUBEoAXHmGRZ2XsT.msj4a7fu5"sv,
};
constexpr std::array<std::string_view, 2> k_gitlab_token_misses = {
    "GITLAB_TOKEN=glpat-XXXXXXXXXXXXXXXXXXXX"sv,
    "glpat-short"sv,
};
constexpr std::array<std::string_view, 1> k_google_api_key_hits = {
    "GOOGLE_API_KEY=AIzaSy9jz89iLWeajzV6xuRXLAsfmhVwlva_byC"sv,
};
constexpr std::array<std::string_view, 1> k_google_api_key_misses = {
    "# usage: genai.configure(api_key=\"AIza...\")"sv,
};
constexpr std::array<std::string_view, 1> k_google_oauth_client_secret_hits = {
    "client_secret: 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"sv,
};
constexpr std::array<std::string_view, 1> k_google_oauth_client_secret_misses = {
    "GOCSPX-xxxxxxxx"sv,
};
constexpr std::array<std::string_view, 1> k_grafana_token_hits = {
    "GRAFANA_TOKEN=glsa_prePtDxzhelOIxBssMid76gJcqNo6GHm_04e8ef1b"sv,
};
constexpr std::array<std::string_view, 1> k_grafana_token_misses = {
    "glsa_xxxx"sv,
};
constexpr std::array<std::string_view, 1> k_groq_api_key_hits = {
    "GROQ_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 2> k_groq_api_key_misses = {
    "GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "GROQ_API_KEY=gsk_..."sv,
};
constexpr std::array<std::string_view, 1> k_hashicorp_vault_token_hits = {
    "VAULT_TOKEN=hvs.T3zWLA825gFKEOU0Ekm5h-Kt9sbg9bAjtbDV3J7Y59r5zFa1lykVg5kpYYrDYo57oJP6hq6ItLy8k_QY0vPToTry_L"sv,
};
constexpr std::array<std::string_view, 1> k_hashicorp_vault_token_misses = {
    "VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
};
constexpr std::array<std::string_view, 2> k_huggingface_token_hits = {
    "HF_TOKEN=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"sv,
    "org: 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"sv,
};
constexpr std::array<std::string_view, 2> k_huggingface_token_misses = {
    "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "\"example\": \"hf_YOUR_TOKEN\""sv,
};
constexpr std::array<std::string_view, 1> k_jwt_token_hits = {
    "SERVICE_JWT=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2ZGZkNjc3MC1kNDNlLTRhMmYtODkxNy04N2VmZmIyMTIxYzUiLCJpYXQiOjE3MTY2MzQxNTMsImV4cCI6MTg1NjI2MDM4NCwic2NvcGUiOiJhcGkifQ.jthV4pFiQSH1EXzyLnlSERVKbN4nf8qC5DEQ31fSA4o"sv,
};
constexpr std::array<std::string_view, 2> k_jwt_token_misses = {
    "SERVICE_JWT=eyJhbGciOi.notajwt.x"sv,
    "SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImN1dWphbWp5bmJoZW95c2RoZGxuIiwicm9sZSI6ImFub24iLCJpYXQiOjE3NDM4ODcxNzcsImV4cCI6MjA1OTI0NzE3N30.yIxcvu0-Me2g4Z7RgF6gvhdlUOFO3Y4NPPhd9yRlLoI"sv,
};
constexpr std::array<std::string_view, 1> k_langsmith_api_key_hits = {
    "LANGSMITH_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_langsmith_api_key_misses = {
    "LANGSMITH_API_KEY=REPLACE_ME"sv,
};
constexpr std::array<std::string_view, 1> k_linear_api_key_hits = {
    "LINEAR_API_KEY=lin_api_V6nFWLWkCFc49GcoJGPtqSATW7i44bOtDxpSltVm"sv,
};
constexpr std::array<std::string_view, 1> k_linear_api_key_misses = {
    "lin_api_xxx"sv,
};
constexpr std::array<std::string_view, 2> k_mailgun_api_key_hits = {
    "MAILGUN_KEY=key-2fd301a84cc84eab845e9c9d83589a80"sv,
    "MAILGUN_API_KEY=70fec594d17a783a06aac2f80f9701b5-3eba5c59-acde6415"sv,
};
constexpr std::array<std::string_view, 2> k_mailgun_api_key_misses = {
    "MAILGUN_KEY=dummy"sv,
    "pubkey-53b7511475d0b7b5320c0069f8dc525e"sv,
};
constexpr std::array<std::string_view, 1> k_maven_password_hits = {
    "<password>UWIj0L*EiRl*wYjq</password>"sv,
};
constexpr std::array<std::string_view, 2> k_maven_password_misses = {
    "<password>${env.MAVEN_PASSWORD}</password>"sv,
    "<password>{MofFn/yZCfkik/KKJj0Y/ify22BZ+gwy}</password>"sv,
};
constexpr std::array<std::string_view, 1> k_mistral_api_key_hits = {
    "MISTRAL_API_KEY=SP1BpWwSolAl3uPAjuzYJdeLutFmjiBp"sv,
};
constexpr std::array<std::string_view, 2> k_mistral_api_key_misses = {
    "MISTRAL_API_KEY=..."sv,
    "MISTRAL_API_KEY ?= $(shell cat ~/.config/mistral/key)"sv,
};
constexpr std::array<std::string_view, 1> k_n8n_api_key_hits = {
    "N8N_API_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxOTQzNzk0ZS04MjQ5LTQxZjgtYTFhNC01ZDIxOGJhZmNiYmEiLCJpc3MiOiJuOG4iLCJhdWQiOiJwdWJsaWMtYXBpIiwiaWF0IjoxNzI0MTUxNzcwfQ.6CRIycuODhyAEU35699H_xC7O4c34KvSwfxM_AsEBVU"sv,
};
constexpr std::array<std::string_view, 2> k_n8n_api_key_misses = {
    "N8N_API_KEY=changeme"sv,
    "N8N_API_KEY=********"sv,
};
constexpr std::array<std::string_view, 2> k_notion_token_hits = {
    "NOTION_TOKEN=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"sv,
    "NOTION_TOKEN=secret_IFhH4vOHL3lWIze9iXcFpY7QCct7A1TtrDmkfjm2Rhw"sv,
};
constexpr std::array<std::string_view, 1> k_notion_token_misses = {
    "# usage: Client(auth=\"secret_...\")"sv,
};
constexpr std::array<std::string_view, 1> k_npm_token_hits = {
    "//registry.npmjs.org/:_authToken=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"sv,
};
constexpr std::array<std::string_view, 2> k_npm_token_misses = {
    "NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "NODE_AUTH_TOKEN=<npm-token>"sv,
};
constexpr std::array<std::string_view, 1> k_nuget_password_hits = {
    "<add key=\"ClearTextPassword\" value=\"7eYv6eN6hO+9Xc9\" />"sv,
};
constexpr std::array<std::string_view, 1> k_nuget_password_misses = {
    "<add key=\"ClearTextPassword\" value=\"%GITHUB_TOKEN%\" />"sv,
};
constexpr std::array<std::string_view, 4> k_openai_api_key_hits = {
    "OPENAI_API_KEY=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"sv,
    "OPENAI_API_KEY=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"sv,
    "key: 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"sv,
    "key: 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"sv,
};
constexpr std::array<std::string_view, 3> k_openai_api_key_misses = {
    "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "MASKED = \"sk-proj-****************************\""sv,
    "TRUNCATED = \"sk-proj-YwnRna...2Om4\""sv,
};
constexpr std::array<std::string_view, 1> k_openrouter_api_key_hits = {
    "OPENROUTER_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_openrouter_api_key_misses = {
    "OPENROUTER_API_KEY=sk-or-v1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
};
constexpr std::array<std::string_view, 1> k_perplexity_api_key_hits = {
    "PPLX_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_perplexity_api_key_misses = {
    "PPLX_API_KEY=pplx-..."sv,
};
constexpr std::array<std::string_view, 1> k_pinecone_api_key_hits = {
    "PINECONE_API_KEY=pcsk_qzWdQ_RAUCrwMZvfX1HIWWHuzjqOzEQCynQOD3sJRqqS9Nj2Z0Ap2Av1Qs9Wi9dezmgSz"sv,
};
constexpr std::array<std::string_view, 1> k_pinecone_api_key_misses = {
    "PINECONE_API_KEY=%PINECONE_API_KEY%"sv,
};
constexpr std::array<std::string_view, 1> k_postman_api_key_hits = {
    "POSTMAN_API_KEY=PMAK-662e27c8787288993d68ccfa-4d1765d9c133d5975e3d1f92f0049f6efb"sv,
};
constexpr std::array<std::string_view, 1> k_postman_api_key_misses = {
    "PMAK-xxxx"sv,
};
constexpr std::array<std::string_view, 2> k_private_key_hits = {
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAw7REGrhXSPB2Y3L72JwXMpD7P89FxJtvKh05b7Okj9l0bsS4\n5JbueX/bEaSmaUyp6haHpmE6TCE5xC/FcuSfVZshdEIofCyOrCrt+tTASsRdWTR8\nCqaLW1xjNmDiqjy+xwR9d9IOvGLi+WxD/HGa4kxw5G7kb6Z8GPs+bM2bkGwZIVLD"sv,
    "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ5kGss5eBGKpJgu\\ngjKhVfpwoZcxG8LoSRTtOvekRD1Tovkl8BgX7wqSifjPYnQgasrvhkun2uKy4P5g\\nwxyDC1FKtRiEwjF8M9361sKUYD4b+AsqXJiyeShNMHUC4rFhD5vDvnR8Ift7OGdt\\n2GNvtTO8meAxp3iLvW5ST//zL5LQRYmmYctWjZ4h2FMmQXsnKQeJabsXJ3GE+bT/\\n/WZeXNY\""sv,
};
constexpr std::array<std::string_view, 2> k_private_key_misses = {
    "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"sv,
    "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"sv,
};
constexpr std::array<std::string_view, 1> k_pypi_token_hits = {
    "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJ9wJAnVcseVtdFh12hnrZ0TY8p71zkEz63ycWRr74qBUZQt5JucfvY3gnDzgOWoqAzL4WQvQ6aPs4ocabssZ-79pIcFY4B9GBHjbTBNervCVl3uSY--CuCJRxhWvxzJ9GXdSkbJwZbwkUGcymSywY2fwsUyJILfgDw"sv,
};
constexpr std::array<std::string_view, 1> k_pypi_token_misses = {
    "PYPI_API_TOKEN=pypi-AgEIcHlwaS5vcmc..."sv,
};
constexpr std::array<std::string_view, 1> k_replicate_api_token_hits = {
    "REPLICATE_API_TOKEN=r8_TURr9nwqYc248SkSesM2K4ck29z0z5YTh6LM9"sv,
};
constexpr std::array<std::string_view, 1> k_replicate_api_token_misses = {
    "REPLICATE_API_TOKEN=r8_..."sv,
};
constexpr std::array<std::string_view, 1> k_sendgrid_api_key_hits = {
    "SENDGRID_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_sendgrid_api_key_misses = {
    "SendGridAPIClient(\"<SENDGRID_API_KEY>\")"sv,
};
constexpr std::array<std::string_view, 1> k_shopify_token_hits = {
    "SHOPIFY_TOKEN=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"sv,
};
constexpr std::array<std::string_view, 1> k_shopify_token_misses = {
    "shpat_xxxx"sv,
};
constexpr std::array<std::string_view, 3> k_slack_token_hits = {
    "SLACK_BOT_TOKEN=xoxb-106106867296-4826563647115-mI324dS8D6tOL2OK34B4Hglh"sv,
    "SLACK_USER_TOKEN=xoxp-110576460734-759964003764-2051531787142-36a9a935af25f1e5dfd007e034a0c623"sv,
    "SLACK_APP_TOKEN=xapp-1-A46ZPRJVJS7-6917309810605-32ca181064bc559dccde83cb96c26a48961b73aca6e6d951482cbd0949888889"sv,
};
constexpr std::array<std::string_view, 1> k_slack_token_misses = {
    "\"example\": \"xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX\""sv,
};
constexpr std::array<std::string_view, 1> k_slack_webhook_url_hits = {
    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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"sv,
};
constexpr std::array<std::string_view, 1> k_slack_webhook_url_misses = {
    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"sv,
};
constexpr std::array<std::string_view, 1> k_sonarqube_token_hits = {
    "<sonar.token>squ_514f52dab4be75d0544559d7bec5570c078c0349</sonar.token>"sv,
};
constexpr std::array<std::string_view, 1> k_sonarqube_token_misses = {
    "<sonar.token>${env.SONAR_TOKEN}</sonar.token>"sv,
};
constexpr std::array<std::string_view, 3> k_stripe_key_hits = {
    "STRIPE_SECRET_KEY=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"sv,
    "key: rk_live_MxHuhflUeSyZga5JRUJHWfoG"sv,
    "test: sk_test_51APfWnV7RZGYzrGLm3RLCnwGKF826UGuS30Gxvtkn6rVXi3BHtxjjMpQMKvyDq83zsm8qXHZkS5Lbk7xd6Zc7hkDfbMibr6Jqg"sv,
};
constexpr std::array<std::string_view, 2> k_stripe_key_misses = {
    "pk_live_qxv88T2akwQjsLM2Z5uBoIntjz3W5cKckMaiL9A04cvkWQCb9mSZsqYxuNuY6thgFQS73hmmXofo0dHBbMk2uHeVEbpy87CoDlC"sv,
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc"sv,
};
constexpr std::array<std::string_view, 3> k_supabase_key_hits = {
    "SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InpodmV2bndnY2R5bWxwYmNkaHpnIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcyODg5MDUwOSwiZXhwIjoyMDQ0MjUwNTA5fQ.9pj087AqUuRD4Bd3AiCTTXy9qdo0Gzdu13FtlFxzHDo"sv,
    "SUPABASE_SECRET_KEY=sb_secret_Lmc8HxY_SQ1SprgV-57Oni_ss3e8Bdp"sv,
    "SUPABASE_ACCESS_TOKEN=sbp_7fb08df21802bb341183e7f66571e4b56946da1f"sv,
};
constexpr std::array<std::string_view, 3> k_supabase_key_misses = {
    "SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InJ6eW9lYmVvd2t5dGxiZWx5cnhpIiwicm9sZSI6ImFub24iLCJpYXQiOjE3NDA3NTkzODgsImV4cCI6MjA1NjExOTM4OH0.sjupJD7ooTh77mwuA8-JJjk3wXlXXZeibeKHB_J4DZg"sv,
    "SUPABASE_SERVICE_ROLE_KEY=sb_secret_your_key_here"sv,
    "SUPABASE_PUBLISHABLE_KEY=sb_publishable_VnIwkFeyTujOQw5H-qkG6r_o3m5tBTY"sv,
};
constexpr std::array<std::string_view, 2> k_telegram_bot_token_hits = {
    "TELEGRAM_TOKEN=1107862246:AA1m53nmE4y26G1ncvBC7qt_GvVJE9JGBeM"sv,
    "url = 'https://api.telegram.org/bot9696160920:AAZJT4DY8cZ4mvvbI0HtszZs8P8Wqb3FWqn/sendMessage'"sv,
};
constexpr std::array<std::string_view, 1> k_telegram_bot_token_misses = {
    "BOT_TOKEN = \"123456789:ABCdefGhIJKlmNoPQRsTUVwxyZ\""sv,
};
constexpr std::array<std::string_view, 1> k_twilio_credential_hits = {
    "TWILIO_AUTH_TOKEN=c95f3b4e13b7d9a8a07215460f0e1177"sv,
};
constexpr std::array<std::string_view, 2> k_twilio_credential_misses = {
    "TWILIO_ACCOUNT_SID=ACee55d61e83e05602ae2c7a308dcf82b1"sv,
    "TWILIO_AUTH_TOKEN=dummy"sv,
};
constexpr std::array<std::string_view, 1> k_url_credentials_hits = {
    "DATABASE_URL=postgres://svc:ddQyo_9Gw62wNr_NZ@db.internal.example:5432/app"sv,
};
constexpr std::array<std::string_view, 3> k_url_credentials_misses = {
    "DATABASE_URL=postgres://user:password@localhost:5432/app"sv,
    "local: postgres://postgres:postgres@localhost:5432/dev"sv,
    "dsn: postgres://${DB_USER}:${DB_PASS}@${DB_HOST}/app"sv,
};
constexpr std::array<std::string_view, 1> k_xai_api_key_hits = {
    "XAI_API_KEY=xai-SVgZ7Joy5GrnpFJRgYZT537KrrcR8Y4gD7KUUsfYhpUTC8wPSpr1GDkpIlhzoECNOGll4KRuX72G7O3B"sv,
};
constexpr std::array<std::string_view, 1> k_xai_api_key_misses = {
    "XAI_API_KEY=xai-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"sv,
};
const std::array<RuleSamples, 56> kSamples = {{
    {"age-secret-key", k_age_secret_key_hits, k_age_secret_key_misses},
    {"airtable-token", k_airtable_token_hits, k_airtable_token_misses},
    {"anthropic-api-key", k_anthropic_api_key_hits, k_anthropic_api_key_misses},
    {"aws-access-key", k_aws_access_key_hits, k_aws_access_key_misses},
    {"aws-secret-key", k_aws_secret_key_hits, k_aws_secret_key_misses},
    {"aws-session-token", k_aws_session_token_hits, k_aws_session_token_misses},
    {"azure-ad-client-secret", k_azure_ad_client_secret_hits, k_azure_ad_client_secret_misses},
    {"azure-devops-pat", k_azure_devops_pat_hits, k_azure_devops_pat_misses},
    {"azure-openai-key", k_azure_openai_key_hits, k_azure_openai_key_misses},
    {"cohere-api-key", k_cohere_api_key_hits, k_cohere_api_key_misses},
    {"databricks-token", k_databricks_token_hits, k_databricks_token_misses},
    {"deepseek-api-key", k_deepseek_api_key_hits, k_deepseek_api_key_misses},
    {"digitalocean-token", k_digitalocean_token_hits, k_digitalocean_token_misses},
    {"discord-bot-token", k_discord_bot_token_hits, k_discord_bot_token_misses},
    {"discord-webhook-url", k_discord_webhook_url_hits, k_discord_webhook_url_misses},
    {"docker-config-auth", k_docker_config_auth_hits, k_docker_config_auth_misses},
    {"doppler-token", k_doppler_token_hits, k_doppler_token_misses},
    {"figma-token", k_figma_token_hits, k_figma_token_misses},
    {"generic-secret", k_generic_secret_hits, k_generic_secret_misses},
    {"github-token", k_github_token_hits, k_github_token_misses},
    {"gitlab-token", k_gitlab_token_hits, k_gitlab_token_misses},
    {"google-api-key", k_google_api_key_hits, k_google_api_key_misses},
    {"google-oauth-client-secret", k_google_oauth_client_secret_hits, k_google_oauth_client_secret_misses},
    {"grafana-token", k_grafana_token_hits, k_grafana_token_misses},
    {"groq-api-key", k_groq_api_key_hits, k_groq_api_key_misses},
    {"hashicorp-vault-token", k_hashicorp_vault_token_hits, k_hashicorp_vault_token_misses},
    {"huggingface-token", k_huggingface_token_hits, k_huggingface_token_misses},
    {"jwt-token", k_jwt_token_hits, k_jwt_token_misses},
    {"langsmith-api-key", k_langsmith_api_key_hits, k_langsmith_api_key_misses},
    {"linear-api-key", k_linear_api_key_hits, k_linear_api_key_misses},
    {"mailgun-api-key", k_mailgun_api_key_hits, k_mailgun_api_key_misses},
    {"maven-password", k_maven_password_hits, k_maven_password_misses},
    {"mistral-api-key", k_mistral_api_key_hits, k_mistral_api_key_misses},
    {"n8n-api-key", k_n8n_api_key_hits, k_n8n_api_key_misses},
    {"notion-token", k_notion_token_hits, k_notion_token_misses},
    {"npm-token", k_npm_token_hits, k_npm_token_misses},
    {"nuget-password", k_nuget_password_hits, k_nuget_password_misses},
    {"openai-api-key", k_openai_api_key_hits, k_openai_api_key_misses},
    {"openrouter-api-key", k_openrouter_api_key_hits, k_openrouter_api_key_misses},
    {"perplexity-api-key", k_perplexity_api_key_hits, k_perplexity_api_key_misses},
    {"pinecone-api-key", k_pinecone_api_key_hits, k_pinecone_api_key_misses},
    {"postman-api-key", k_postman_api_key_hits, k_postman_api_key_misses},
    {"private-key", k_private_key_hits, k_private_key_misses},
    {"pypi-token", k_pypi_token_hits, k_pypi_token_misses},
    {"replicate-api-token", k_replicate_api_token_hits, k_replicate_api_token_misses},
    {"sendgrid-api-key", k_sendgrid_api_key_hits, k_sendgrid_api_key_misses},
    {"shopify-token", k_shopify_token_hits, k_shopify_token_misses},
    {"slack-token", k_slack_token_hits, k_slack_token_misses},
    {"slack-webhook-url", k_slack_webhook_url_hits, k_slack_webhook_url_misses},
    {"sonarqube-token", k_sonarqube_token_hits, k_sonarqube_token_misses},
    {"stripe-key", k_stripe_key_hits, k_stripe_key_misses},
    {"supabase-key", k_supabase_key_hits, k_supabase_key_misses},
    {"telegram-bot-token", k_telegram_bot_token_hits, k_telegram_bot_token_misses},
    {"twilio-credential", k_twilio_credential_hits, k_twilio_credential_misses},
    {"url-credentials", k_url_credentials_hits, k_url_credentials_misses},
    {"xai-api-key", k_xai_api_key_hits, k_xai_api_key_misses},
}};
} // namespace

std::span<const RuleSamples> all_rule_samples() { return kSamples; }

} // namespace handoff::tokens
