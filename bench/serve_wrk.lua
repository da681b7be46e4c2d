-- wrk script for bench/serve_wrk.sh: cycles GET paths built from PATTERN
-- (one %s for a word from WORDS, optional %d for a counter that defeats the
-- server's response cache when NOCACHE=1).
local pattern = os.getenv("PATTERN")
local nocache = os.getenv("NOCACHE") == "1"
local words = {}
for w in string.gmatch(os.getenv("WORDS") or "talks", "[^,]+") do words[#words + 1] = w end
local i = 0
request = function()
  i = i + 1
  local path = string.format(pattern, words[(i % #words) + 1])
  if nocache then path = path .. "&n=" .. tostring(math.random(1, 1000000000)) end
  return wrk.format("GET", path)
end
