-- bench/serve/cycle.lua: wrk requests /story/ID for the ids in $IDS in turn,
-- each thread from its own offset, so the comparison cache (256 stories,
-- least recently used out) misses on every request when there are more.
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "%d+") do ids[#ids + 1] = id end
local n, step = 0, 0
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end
function init(args)
  n = offset or 0
end
function request()
  n = n + 1
  return wrk.format("GET", "/story/" .. ids[(n % #ids) + 1])
end
