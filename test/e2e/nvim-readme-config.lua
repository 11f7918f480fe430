-- llm-d contributor tools: the language server in Neovim (0.7 and later).
-- This is the README's configuration snippet; the e2e run loads it with `nvim -u` and checks
-- that it detects OWNERS files, finds the repository root and gets the server's diagnostics.
--
-- `server` is dist/server.js of a built checkout (`npm ci && npm run build`), or
-- extension/dist/server.js unzipped from the .vsix. It needs Node.js >= 20.19 on PATH.
local server = vim.env.LLM_D_CONTRIB_SERVER or vim.fn.expand("~/src/llm-d-contrib-tools/dist/server.js")

local group = vim.api.nvim_create_augroup("llm-d-contrib", { clear = true })

-- Prow's OWNERS and OWNERS_ALIASES are YAML; give them filetypes of their own (YAML colours).
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  group = group,
  pattern = { "OWNERS", "OWNERS_ALIASES" },
  callback = function(args)
    local name = vim.fn.fnamemodify(args.file, ":t")
    vim.bo[args.buf].filetype = name == "OWNERS" and "owners" or "owners-aliases"
    vim.bo[args.buf].syntax = "yaml"
  end,
})

-- The repository root (where .git or .llm-d-contrib.yaml is): rules such as proposal folders
-- and OWNERS_ALIASES lookups are relative to it.
local function root_dir(fname)
  local dir = vim.fn.fnamemodify(fname, ":p:h")
  for _, marker in ipairs({ ".git", ".llm-d-contrib.yaml" }) do
    local found = vim.fn.finddir(marker, dir .. ";")
    if found == "" then found = vim.fn.findfile(marker, dir .. ";") end
    if found ~= "" then
      return vim.fn.fnamemodify((vim.fn.fnamemodify(found, ":p"):gsub("/$", "")), ":h")
    end
  end
  return dir
end

local clients = {} -- Neovim 0.7: one client per repository root
vim.api.nvim_create_autocmd("FileType", {
  group = group,
  pattern = { "owners", "owners-aliases", "markdown", "go", "python", "yaml", "javascript", "typescript", "gitcommit" },
  callback = function(args)
    local config = {
      name = "llm-d-contrib",
      cmd = { "node", server, "--stdio" },
      root_dir = root_dir(vim.api.nvim_buf_get_name(args.buf)),
    }
    if vim.lsp.start then -- Neovim >= 0.8 reuses a running client with the same name and root
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local id = clients[config.root_dir]
    if not (id and vim.lsp.get_client_by_id(id)) then
      id = vim.lsp.start_client(config)
      clients[config.root_dir] = id
    end
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})
