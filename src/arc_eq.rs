//! A shared value compared by identity: a memo holding one says "changed" only when it
//! holds a new `Arc`, without comparing (possibly large) contents on every run.

use std::ops::Deref;
use std::sync::Arc;

pub struct ArcEq<T>(pub Arc<T>);

impl<T> ArcEq<T> {
    pub fn new(value: T) -> Self {
        ArcEq(Arc::new(value))
    }
}

// By hand: derived, these would ask `T: Clone`, `T: PartialEq` of what is never cloned
// nor compared.
impl<T> Clone for ArcEq<T> {
    fn clone(&self) -> Self {
        ArcEq(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for ArcEq<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for ArcEq<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
