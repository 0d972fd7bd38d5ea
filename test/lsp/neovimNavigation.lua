-- Definition, references and rename from headless Neovim (0.7+) against our server.
-- Reads a job (JSON) from $LAC_JOB; writes what the client saw to $LAC_OUT. A rename is applied
-- to the files by Neovim itself (and written with :wall), as a user's F2 would.
local open_in_client = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'neovimClient.lua')
local job = vim.fn.json_decode(vim.fn.readfile(os.getenv('LAC_JOB')))
local out = { definition = {}, references = {}, errors = {} }

local ok, err = pcall(function()
  local bufnr = open_in_client(job, out)
  vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = job.position }

  local function ask(method, extra)
    local p = vim.tbl_extend('force', params, extra or {})
    local res = vim.lsp.buf_request_sync(bufnr, method, p, 10000)
    for _, r in pairs(res or {}) do
      -- Neovim 0.7 names the error `error`, later versions `err`.
      local e = r.err or r.error
      if e then table.insert(out.errors, method .. ': ' .. tostring(e.message)) end
      if r.result then return r.result end
    end
    return nil
  end

  -- The workspace scan runs after the first diagnostics: ask until the definition is known.
  local defs
  vim.wait(15000, function()
    defs = ask('textDocument/definition')
    return defs ~= nil and #defs > 0
  end, 50)
  for _, l in ipairs(defs or {}) do table.insert(out.definition, { uri = l.uri, line = l.range.start.line }) end
  for _, l in ipairs(ask('textDocument/references', { context = { includeDeclaration = true } }) or {}) do
    table.insert(out.references, { uri = l.uri, line = l.range.start.line })
  end
  local edit = ask('textDocument/rename', { newName = job.newName })
  if edit then
    vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
    vim.cmd('silent! wall')
  end
  ask('textDocument/rename', { newName = job.badName })
end)
if not ok then table.insert(out.errors, tostring(err)) end
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('LAC_OUT'))
vim.cmd('qa!')
