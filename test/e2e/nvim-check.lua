-- Route C: Neovim (0.7.2 on Debian 12) as a second real LSP client of the bundled server.
--
--   SERVER=$PWD/dist/server.js ROOT=<copy of test/e2e/fixtures/workspace> \
--     nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/nvim-check.lua"
--
-- Starts `node SERVER --stdio` with vim.lsp.start_client (vim.lsp.start only exists from 0.8),
-- opens each fixture file, attaches the client and waits for the expected diagnostics (rule id in
-- `code`, line). Writes one line per check and "N passed, N failed" to stdout, then exits 0 or 1.
-- Env: NODE (default "node"), WAIT_MS (per-file wait, default 20000).
--
-- USE_CONFIG=1: check the README's configuration instead (started with
-- `nvim -u test/e2e/nvim-readme-config.lua`): nothing is set up here; filetype detection, the
-- root directory and the client come from that file, and each file's filetype is checked too.

local server = os.getenv("SERVER")
local root = os.getenv("ROOT")
local node = os.getenv("NODE") or "node"
local wait_ms = tonumber(os.getenv("WAIT_MS") or "20000")
local use_config = os.getenv("USE_CONFIG") == "1"

local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. "\n") end
local function finish()
  out(string.format("%d passed, %d failed", passed, failed))
  if failed > 0 then vim.cmd("cquit 1") else vim.cmd("qall!") end
end

if (not server and not use_config) or not root then
  out("FAIL: set SERVER (dist/server.js) and ROOT (fixture workspace)")
  failed = 1
  finish()
  return
end

-- file (relative to ROOT), filetype, then the expected diagnostics: rule id and 0-based line.
local cases = {
  { file = "OWNERS", filetype = "owners", expect = { { code = "owners/unknown-key", lnum = 4 } } },
  { file = "broken/OWNERS", filetype = "owners", expect = { { code = "owners/yaml-syntax", lnum = 1 } } },
  { file = "docs/proposals/fast-path.md", filetype = "markdown", expect = { { code = "proposal/missing-section" } } },
  { file = "cmd/server/options.go", filetype = "go", expect = {
      { code = "flags/experimental-name", lnum = 14 },
      { code = "flags/experimental-default-on", lnum = 15 },
  } },
}

local function code_of(d)
  if d.code ~= nil then return tostring(d.code) end
  local lsp = d.user_data and d.user_data.lsp
  if lsp and lsp.code ~= nil then return tostring(lsp.code) end
  return "?"
end

local function has(diags, e)
  for _, d in ipairs(diags) do
    if code_of(d) == e.code and (e.lnum == nil or d.lnum == e.lnum) then return true end
  end
  return false
end

local client_id
if not use_config then
  client_id = vim.lsp.start_client({
    name = "llm-d-contrib",
    cmd = { node, server, "--stdio" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "fixture" } },
    on_exit = function(code, signal)
      if code ~= 0 and signal ~= 15 then io.stderr:write(string.format("server exited: code=%s signal=%s\n", code, signal)) end
    end,
  })
  if not client_id then
    out("FAIL: vim.lsp.start_client returned nil")
    failed = 1
    finish()
    return
  end
end

for _, c in ipairs(cases) do
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. c.file))
  local bufnr = vim.api.nvim_get_current_buf()
  if use_config then
    local ft = vim.bo[bufnr].filetype
    if ft == c.filetype then
      passed = passed + 1
      out("ok   " .. c.file .. ": filetype " .. ft)
    else
      failed = failed + 1
      out(string.format("FAIL %s: filetype %q, expected %q", c.file, ft, c.filetype))
    end
  else
    vim.bo[bufnr].filetype = c.filetype
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  local ok = vim.wait(wait_ms, function()
    local diags = vim.diagnostic.get(bufnr)
    for _, e in ipairs(c.expect) do
      if not has(diags, e) then return false end
    end
    return true
  end, 50)
  local diags = vim.diagnostic.get(bufnr)
  for _, d in ipairs(diags) do
    out(string.format("  %s:%d:%d severity=%d code=%s source=%s %s", c.file, d.lnum + 1, d.col + 1,
      d.severity, code_of(d), tostring(d.source), (d.message:gsub("\n", " "))))
  end
  for _, e in ipairs(c.expect) do
    local label = string.format("%s: %s%s", c.file, e.code, e.lnum and (" on line " .. (e.lnum + 1)) or "")
    if has(diags, e) then
      passed = passed + 1
      out("ok   " .. label)
    else
      failed = failed + 1
      out("FAIL " .. label .. (ok and "" or string.format(" (not published within %d ms)", wait_ms)))
    end
  end
end

-- Stop the server(s) and wait until they are gone, so no process outlives the check.
local ids = {}
for _, client in pairs(vim.lsp.get_active_clients()) do table.insert(ids, client.id) end
vim.lsp.stop_client(ids)
vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
finish()
