//! Serde values as Python objects: dicts, lists, str, int, float, bool, None, as
//! `json.loads` of rung's JSON would give them. Keys and short enum-like strings are created
//! once and shared (an analysis has a hundred-odd keys), which is most of the cost that
//! `pythonize` would spend per posting.

use std::collections::HashMap;
use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};

/// Strings made once: dict keys and unit variants ("required", "description").
#[derive(Default)]
pub struct Strings {
    fixed: HashMap<&'static str, Py<PyString>>,
    /// Map keys (a flattened struct's field names, passed as plain `&str`), by content.
    keys: HashMap<Box<str>, Py<PyString>>,
}

/// The most map keys kept: rung's maps only have field names, but a map of data would not.
const MAX_KEYS: usize = 4096;

impl Strings {
    fn get<'py>(&mut self, py: Python<'py>, s: &'static str) -> Bound<'py, PyString> {
        self.fixed
            .entry(s)
            .or_insert_with(|| PyString::intern(py, s).unbind())
            .bind(py)
            .clone()
    }

    fn key<'py>(&mut self, py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        if let Some(key) = self.keys.get(s) {
            return key.bind(py).clone();
        }
        let key = PyString::intern(py, s);
        if self.keys.len() < MAX_KEYS {
            self.keys.insert(s.into(), key.clone().unbind());
        }
        key
    }
}

pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    strings: &mut Strings,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value
        .serialize(Ser {
            py,
            strings,
            as_key: false,
        })
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.0))
}

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e.to_string())
    }
}

type R<'py> = Result<Bound<'py, PyAny>, Error>;

struct Ser<'a, 'py> {
    py: Python<'py>,
    strings: &'a mut Strings,
    /// Serialising a map's key.
    as_key: bool,
}

fn obj<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> R<'py> {
    v.into_bound_py_any(py).map_err(Error::from)
}

use pyo3::IntoPyObjectExt;

impl<'a, 'py> ser::Serializer for Ser<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, Error>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, Error>;

    fn serialize_bool(self, v: bool) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_i8(self, v: i8) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_i16(self, v: i16) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_i32(self, v: i32) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_i64(self, v: i64) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_u8(self, v: u8) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_u16(self, v: u16) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_u32(self, v: u32) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        obj(self.py, v)
    }
    fn serialize_f32(self, v: f32) -> R<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R<'py> {
        // serde_json writes a non-finite float as null.
        if v.is_finite() {
            obj(self.py, v)
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }
    fn serialize_char(self, v: char) -> R<'py> {
        obj(self.py, v.to_string())
    }
    fn serialize_str(self, v: &str) -> R<'py> {
        if self.as_key {
            return Ok(self.strings.key(self.py, v).into_any());
        }
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> R<'py> {
        // As serde_json: a list of numbers.
        obj(self.py, v.to_vec())
    }
    fn serialize_none(self) -> R<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<'py> {
        Ok(self.strings.get(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<'py> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> R<'py> {
        let dict = PyDict::new(self.py);
        let key = self.strings.get(self.py, variant);
        let value = value.serialize(Ser {
            py: self.py,
            strings: self.strings,
            as_key: false,
        })?;
        dict.set_item(key, value)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            py: self.py,
            strings: self.strings,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error("tuple variants are not part of rung's output".into()))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(Map {
            dict: PyDict::new(self.py),
            py: self.py,
            strings: self.strings,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'a, 'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error(
            "struct variants are not part of rung's output".into(),
        ))
    }
}

struct Seq<'a, 'py> {
    py: Python<'py>,
    strings: &'a mut Strings,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(Ser {
            py: self.py,
            strings: self.strings,
            as_key: false,
        })?;
        self.items.push(item);
        Ok(())
    }
    fn finish(self) -> R<'py> {
        Ok(PyList::new(self.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.finish()
    }
}

struct Map<'a, 'py> {
    py: Python<'py>,
    strings: &'a mut Strings,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(Ser {
            py: self.py,
            strings: self.strings,
            as_key: true,
        })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without its key".into()))?;
        let value = value.serialize(Ser {
            py: self.py,
            strings: self.strings,
            as_key: false,
        })?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> R<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let key = self.strings.get(self.py, key);
        let value = value.serialize(Ser {
            py: self.py,
            strings: self.strings,
            as_key: false,
        })?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> R<'py> {
        Ok(self.dict.into_any())
    }
}
