//! Named instants of one call into the core, for the extension's timing breakdown
//! (`./build.sh bench`): the binding starts a record with its clock, the pipeline marks
//! where one step ends and the next begins, and the binding takes the record. Without a
//! record (the CLI, the tests) a mark costs a thread-local check and records nothing.

use std::cell::RefCell;

struct Record {
    clock: fn() -> f64,
    marks: Vec<(&'static str, f64)>,
}

thread_local! {
    static RECORD: RefCell<Option<Record>> = const { RefCell::new(None) };
}

/// Starts a record read from `clock` (ms), with a first mark "start".
pub fn start(clock: fn() -> f64) {
    RECORD.with(|r| *r.borrow_mut() = Some(Record { clock, marks: vec![("start", clock())] }));
}

/// Marks the end of step `name`, when a record is open.
pub fn mark(name: &'static str) {
    RECORD.with(|r| {
        if let Some(record) = r.borrow_mut().as_mut() {
            let at = (record.clock)();
            record.marks.push((name, at));
        }
    });
}

/// Ends the record: each step with the ms it took since the mark before it.
pub fn take() -> Vec<(&'static str, f64)> {
    RECORD.with(|r| r.borrow_mut().take()).map_or_else(Vec::new, |record| {
        record.marks.windows(2).map(|w| (w[1].0, w[1].1 - w[0].1)).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> f64 {
        thread_local!(static N: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) });
        N.with(|n| {
            n.set(n.get() + 1.0);
            n.get()
        })
    }

    #[test]
    fn steps_take_the_time_since_the_mark_before() {
        mark("ignored");
        assert!(take().is_empty());
        start(counter);
        mark("a");
        mark("b");
        assert_eq!(take(), vec![("a", 1.0), ("b", 1.0)]);
        assert!(take().is_empty());
    }
}
