//! The analysis passes, run in this order by `answer::analyze`: attribution (who says
//! so), hedge (the writer's speculation), uncertainty (the learned hedge model's cues),
//! claim (unsourced facts), summary. Each reads the prepared text and the passes before it.

pub mod attribution;
pub mod claim;
pub mod hedge;
pub mod summary;
pub mod uncertainty;
