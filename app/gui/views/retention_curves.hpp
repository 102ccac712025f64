// citecard-gui — Settings' curves of what each desired retention costs: minutes of study a day
// and cards memorised after a year, from the simulator, with the learner's retention and the
// cheapest one (least time per card memorised) marked.
#pragma once

#include "../theme.hpp"
#include "../workload_job.hpp"

namespace citecard::gui {

void draw_retention_curves(const WorkloadResult& workload, double current_retention, const Ui& ui);

}  // namespace citecard::gui
