-- Drives our language server from headless Neovim (0.7+) as a real LSP client.
-- Reads a job description (JSON) from $LAC_JOB and writes what the client saw to $LAC_OUT.
local open_in_client = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'neovimClient.lua')
local job = vim.fn.json_decode(vim.fn.readfile(os.getenv('LAC_JOB')))
local out = { diagnostics = {}, hover = vim.NIL, completion = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('LAC_OUT'))
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local bufnr, client_id = open_in_client(job, out)

  -- Diagnostics arrive as a notification after didOpen: wait for them, not a fixed time (a
  -- fixture that expects none, such as a log file, does not wait).
  if job.expectDiagnostics then vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  else
    -- No diagnostics to wait for: wait until the client is initialized (didOpen goes out then).
    vim.wait(15000, function()
      local c = vim.lsp.get_client_by_id(client_id)
      return c ~= nil and c.initialized == true
    end, 20)
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, { line = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  if job.hover then
    local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = uri }, position = { line = job.hover.line, character = job.hover.character },
    }, 10000)
    for _, r in pairs(res or {}) do
      if r.result then out.hover = r.result.contents end
      if r.err then table.insert(out.errors, vim.inspect(r.err)) end
    end
  end
  if job.completion then
    local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
      textDocument = { uri = uri }, position = { line = job.completion.line, character = job.completion.character },
    }, 10000)
    for _, r in pairs(res or {}) do
      local items = r.result and (r.result.items or r.result) or {}
      for _, it in ipairs(items) do
        table.insert(out.completion, it.label)
        if it.label == job.completion.label and out.resolved == nil then out.resolved = it end
      end
      if r.err then table.insert(out.errors, vim.inspect(r.err)) end
    end
    -- Editors ask for the focused item's documentation with completionItem/resolve.
    local item = out.resolved
    if item ~= nil then out.listedDocs = item.documentation ~= nil end
    if item ~= nil and item.data ~= nil then
      local rr = vim.lsp.buf_request_sync(bufnr, 'completionItem/resolve', item, 10000)
      for _, r in pairs(rr or {}) do
        if r.result then out.resolved = r.result end
        if r.err then table.insert(out.errors, vim.inspect(r.err)) end
      end
    end
  end
end)
if not ok then table.insert(out.errors, tostring(err)) end
finish()
