// The schema as a list of forward migrations; entry i moves version i to i+1.
// Append only: never edit a migration that has shipped.
#ifndef DATELINE_STORE_MIGRATIONS_H_
#define DATELINE_STORE_MIGRATIONS_H_

#include <vector>

namespace dateline {

const std::vector<const char*>& Migrations();

}  // namespace dateline

#endif  // DATELINE_STORE_MIGRATIONS_H_
