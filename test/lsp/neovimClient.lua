-- Shared by the Neovim scripts: starts our server as the LSP client of `job` and opens job.file,
-- attached to it. Client errors go to out.errors. Returns the buffer and the client id.
return function(job, out)
  local client_id = vim.lsp.start_client({
    name = 'linux-admin-configs',
    cmd = { 'node', job.server, '--stdio' },
    root_dir = job.root,
    init_options = job.initOptions,
    get_language_id = function() return job.languageId end,
    on_error = function(code) table.insert(out.errors, 'client error ' .. tostring(code)) end,
  })
  if not client_id then error('the server did not start') end

  vim.cmd('edit ' .. vim.fn.fnameescape(job.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = job.languageId
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr, client_id
end
