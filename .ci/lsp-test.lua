-- The real-client test of `podlint lsp` (run by .ci/lsp-test.sh): Neovim's built-in LSP client opens a
-- manifest with a port conflict, receives the diagnostic at its line and column, applies the
-- "suppress here" code action, sees the diagnostic go, and edits the file to see it come back.
-- Environment: PODLINT_LSP_CMD (the server's command line), LSP_TEST_DIR (a scratch directory).
local failures = 0
local passes = 0
local function check(what, ok, detail)
  if ok then
    passes = passes + 1
    print('ok: ' .. what)
  else
    print('FAILED: ' .. what .. (detail and (' (' .. detail .. ')') or ''))
    failures = failures + 1
  end
end

local GUARD = 60000 -- a guard against a hang only, never a bound on speed

local dir = os.getenv('LSP_TEST_DIR')
local file = dir .. '/pod.yaml'
local lines = {
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27.3',
  '      ports:',
  '        - containerPort: 80',
  '    - name: status',
  '      image: registry.example.com/ops/status-page:0.4.0',
  '      ports:',
  '        - containerPort: 80',
}
vim.fn.writefile(lines, file)
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()

local cmd = vim.split(os.getenv('PODLINT_LSP_CMD'), ' ', { trimempty = true })
local client_id = vim.lsp.start_client({ name = 'podlint', cmd = cmd, root_dir = dir })
check('the server starts', client_id ~= nil)
vim.lsp.buf_attach_client(buf, client_id)

local function conflicts()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'PL001' then
      table.insert(out, d)
    end
  end
  return out
end

vim.wait(GUARD, function() return #conflicts() > 0 end, 20)
local found = conflicts()
check('the place to expect is known', os.getenv('LSP_TEST_AT') ~= nil)
check('the port conflict is a diagnostic', #found == 1, #found .. ' found')
if #found == 1 then
  local d = found[1]
  -- where `podlint lint` reports it (LSP_TEST_AT, line:column, 1-based): the second port 80
  local want = os.getenv('LSP_TEST_AT')
  check('at ' .. want .. ', where podlint lint reports it', (d.lnum + 1) .. ':' .. (d.col + 1) == want,
    (d.lnum + 1) .. ':' .. (d.col + 1))
  check('an error', d.severity == vim.diagnostic.severity.ERROR)
  local lsp = d.user_data and d.user_data.lsp or {}
  check('with a link to the rule', lsp.codeDescription and lsp.codeDescription.href
    == 'https://podlint.dev/rules#container-port-conflict')
  check('with the first declaration as related information', lsp.relatedInformation
    and #lsp.relatedInformation == 1 and lsp.relatedInformation[1].location.range.start.line == 9)

  local at = { line = d.lnum, character = d.col }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = at }, GUARD)
  local text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then text = r.result.contents.value or '' end
  end
  check('the hover explains the rule', text:find('container%-port%-conflict') ~= nil and text:find('How to fix') ~= nil)

  -- what vim.lsp.buf.code_action() sends with the cursor on the finding
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = at, ['end'] = at },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum) },
  }, GUARD)
  local action
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.title:find('^Suppress container%-port%-conflict here') then action = a end
    end
  end
  check('a code action suppresses it here', action ~= nil)
  if action then
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    local comment = vim.api.nvim_buf_get_lines(buf, 13, 14, false)[1]
    check('as a comment on the line above', comment == '        # podlint:ignore container-port-conflict <reason>', comment)
    vim.wait(GUARD, function() return #conflicts() == 0 end, 20)
    check('the diagnostic goes', #conflicts() == 0)

    vim.api.nvim_buf_set_lines(buf, 13, 14, false, {}) -- the user deletes the comment again
    vim.wait(GUARD, function() return #conflicts() == 1 end, 20)
    check('and comes back when the comment is deleted', #conflicts() == 1)
  end
end

vim.lsp.stop_client(client_id)
vim.wait(GUARD, function() return vim.lsp.client_is_stopped(client_id) end, 20)
check('the server stops', vim.lsp.client_is_stopped(client_id))
print(string.format('lsp-test.lua: %d passed, %d failed', passes, failures))
if failures > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
